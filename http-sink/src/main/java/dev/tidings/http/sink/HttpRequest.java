package dev.tidings.http.sink;

import dev.tidings.Schema;
import dev.tidings.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request for the sink to perform: the data of an {@code HttpRequest:1} envelope.
 *
 * <pre>{@code
 * {"schema":"HttpRequest:1","data":{"method":"POST","url":"https://api.example/orders",
 *   "headers":{"Content-Type":["application/json"]},"body":"{\"id\":1}"}}
 * }</pre>
 *
 * @param method the HTTP method, e.g. {@code GET} or {@code POST}
 * @param url the absolute {@code http} or {@code https} URL; it must be on the sink's allow-list
 * @param headers header name to values; may be absent
 * @param body the body as text (sent as UTF-8); at most one of {@code body} and {@code bodyBase64}
 * @param bodyBase64 the body as base64, for binary bodies
 * @param timeout the request timeout of this request ({@code "5s"}, {@code "500ms"} or ISO-8601 {@code
 *     PT5S}), replacing the sink's {@code timeout.request}; may be absent
 */
@Schema(id = "HttpRequest", version = 1)
public record HttpRequest(
    @NotBlank String method,
    @NotBlank String url,
    Optional<Map<String, List<String>>> headers,
    Optional<String> body,
    Optional<String> bodyBase64,
    Optional<String> timeout) {

  /** A request without headers, body or timeout. */
  public static HttpRequest of(String method, String url) {
    return new HttpRequest(method, url, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** This request with a text body. */
  public HttpRequest withBody(String text) {
    return new HttpRequest(method, url, headers, Optional.of(text), Optional.empty(), timeout);
  }

  /** This request with these headers (name to values). */
  public HttpRequest withHeaders(Map<String, List<String>> values) {
    return new HttpRequest(method, url, Optional.of(values), body, bodyBase64, timeout);
  }
}
