package dev.tidings.ingress;

import dev.tidings.ingress.internal.ErrorBody;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer of a route: status, content type, body and extra headers.
 *
 * @param status the HTTP status code
 * @param contentType the {@code Content-Type}, or {@code null} for none
 * @param body the body ({@code null} is empty)
 * @param headers extra response headers
 */
public record HttpReply(int status, String contentType, byte[] body, Map<String, String> headers) {
  /** The content type of JSON bodies. */
  public static final String JSON = "application/json";

  public HttpReply {
    body = body == null ? new byte[0] : body;
    headers = Map.copyOf(headers);
  }

  /** A reply without extra headers. */
  public static HttpReply of(int status, String contentType, byte[] body) {
    return new HttpReply(status, contentType, body, Map.of());
  }

  /** A JSON reply. */
  public static HttpReply json(int status, byte[] body) {
    return of(status, JSON, body);
  }

  /** A JSON reply of UTF-8 text. */
  public static HttpReply json(int status, String body) {
    return json(status, body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An error in the one shape every Tidings route answers with: {@code {"error":{"code",
   * "message","details":[],"retriable"}}}.
   *
   * @param code a stable, machine-readable label such as {@code invalid_data}
   * @param message what was wrong and how to fix it
   */
  public static HttpReply error(int status, String code, String message, boolean retriable) {
    return json(status, ErrorBody.write(code, message, java.util.List.of(), retriable));
  }

  /** This reply with one more header. */
  public HttpReply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpReply(status, contentType, body, more);
  }
}
