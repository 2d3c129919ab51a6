package dev.tidings.internal.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Map;
import java.util.function.BiConsumer;

/** A {@link TraceSpan} over an OpenTelemetry {@link Span}. */
final class OtelSpan implements TraceSpan {
  private static final TextMapSetter<BiConsumer<String, String>> SETTER = (carrier, key, value) -> {
    if (carrier != null) {
      carrier.accept(key, value);
    }
  };

  private final Span span;

  OtelSpan(Span span) {
    this.span = span;
  }

  @Override
  public TraceSpan attribute(String key, String value) {
    if (value != null) {
      span.setAttribute(key, value);
    }
    return this;
  }

  @Override
  public TraceSpan attribute(String key, long value) {
    span.setAttribute(key, value);
    return this;
  }

  @Override
  public TraceSpan event(String name, Map<String, String> attributes) {
    span.addEvent(name, OtelTracing.attributes(attributes));
    return this;
  }

  @Override
  public TraceSpan error(Throwable error) {
    span.recordException(error);
    span.setAttribute(ERROR_TYPE, error.getClass().getName());
    span.setStatus(StatusCode.ERROR, error.getClass().getName());
    return this;
  }

  @Override
  public TraceSpan error(String type, String description) {
    if (type != null) {
      span.setAttribute(ERROR_TYPE, type);
    }
    span.setStatus(StatusCode.ERROR, description == null ? "" : description);
    return this;
  }

  @Override
  public TraceScope makeCurrent() {
    Scope scope = Context.current().with(span).makeCurrent();
    return scope::close;
  }

  @Override
  public void inject(BiConsumer<String, String> carrier) {
    if (hasContext()) {
      OtelTracing.W3C.inject(Context.root().with(span), carrier, SETTER);
    }
  }

  @Override
  public boolean hasContext() {
    return span.getSpanContext().isValid();
  }

  @Override
  public String traceId() {
    return hasContext() ? span.getSpanContext().getTraceId() : "";
  }

  @Override
  public String spanId() {
    return hasContext() ? span.getSpanContext().getSpanId() : "";
  }

  @Override
  public void end() {
    span.end();
  }
}
