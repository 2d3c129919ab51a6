/**
 * Tracing for every Tidings module, through the OpenTelemetry API when the application has it on its class path.
 *
 * <p>{@link dev.tidings.internal.tracing.Tracing#get()} is the entry: with {@code io.opentelemetry:opentelemetry-api}
 * present it makes spans with the tracer of {@code GlobalOpenTelemetry} (what the application, its SDK set-up or the
 * OpenTelemetry agent registered; a no-op until one is registered); without it, every call does nothing and no
 * OpenTelemetry class is ever loaded. {@code OtelTracing} and {@code OtelSpan} are the only classes that touch
 * OpenTelemetry; the facade's own types carry no OpenTelemetry type, so callers compile without the API.
 *
 * <p>{@link dev.tidings.internal.tracing.MessagingSpans} makes the Kafka spans with the messaging semantic
 * conventions: a producer span per publish (its context written to the record's {@code traceparent}), a consumer
 * span per handled record (continuing the record's {@code traceparent}), a batch span linked to each record, a
 * CLIENT span per request/reply round trip. Other modules use the generic builder:
 *
 * <pre>{@code
 * TraceSpan span = Tracing.get().span("POST /streams/orders", SpanKind.SERVER)
 *     .parentFrom(request::getHeader)                // the caller's traceparent, if any
 *     .attribute("http.request.method", "POST")
 *     .start();
 * try (TraceScope scope = span.makeCurrent()) {
 *   app.publish(...);                                // its producer span is a child of this one
 * } catch (RuntimeException e) {
 *   span.error(e);
 *   throw e;
 * } finally {
 *   span.end();
 * }
 * }</pre>
 */
package dev.tidings.internal.tracing;
