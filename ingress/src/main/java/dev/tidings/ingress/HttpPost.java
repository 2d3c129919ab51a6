package dev.tidings.ingress;

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
}
