package dev.tidings.ingress;

import java.util.Map;

/**
 * A POST request as a {@link PostHandler} sees it: authenticated, admitted, its body read
 * (inflated when it was sent with {@code Content-Encoding: gzip}) and within the size limit.
 */
public interface HttpPost {
  /** The decoded path, e.g. {@code /v1/streams/orders}. */
  String path();

  /** The value of {@code {name}} in the route's path template, or {@code null}. */
  String pathParameter(String name);

  /**
   * The first value of a query parameter (the name exact, case-sensitive), or {@code null} when the
   * query string has none. Names and values are decoded: percent-escapes as UTF-8 and {@code +} as a
   * space, so {@code ?timeout=1%73} gives {@code 1s}; {@code ?flag} gives an empty value.
   *
   * @throws RuntimeException that the server answers 400 ({@code bad_query}) when the query string
   *     has a malformed percent-escape
   */
  String queryParameter(String name);

  /** The first value of a request header (case-insensitive), or {@code null}. */
  String header(String name);

  /** The media type of the body without parameters, lower case, e.g. {@code application/json}. */
  String mediaType();

  /** The body. */
  byte[] body();

  /** Who sent it ({@link Principal#ANONYMOUS} when authentication is off). */
  Principal principal();

  /** The request id: the client's {@code X-Request-ID}, or one generated for this request. */
  String requestId();

  /**
   * The W3C trace context ({@code traceparent}, and {@code tracestate} when there is one) that the
   * messages published for this request carry as Kafka headers: with tracing on, the context of the
   * server's span of this request (a child of the client's {@code traceparent}), else the client's
   * headers as sent. Empty when there is neither.
   */
  default Map<String, String> traceContext() {
    String traceparent = header("traceparent");
    if (traceparent == null) {
      return Map.of();
    }
    String tracestate = header("tracestate");
    return tracestate == null ? Map.of("traceparent", traceparent)
        : Map.of("traceparent", traceparent, "tracestate", tracestate);
  }
}
