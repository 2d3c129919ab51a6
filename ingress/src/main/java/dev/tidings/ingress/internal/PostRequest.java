package dev.tidings.ingress.internal;

import dev.tidings.ingress.HttpPost;
import dev.tidings.ingress.Principal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;

/** {@link HttpPost} over a Jetty request whose body has been read. */
final class PostRequest implements HttpPost {
  private final String path;
  private final Map<String, String> parameters;
  private final String query;
  private final HttpFields headers;
  private final String mediaType;
  private final byte[] body;
  private final Principal principal;
  private final String requestId;
  private final Map<String, String> traceContext;

  /**
   * @param query the raw (still encoded) query string without {@code ?}, or {@code null}
   * @param traceContext the context of the server span of the request, or {@code null} for the client's
   */
  PostRequest(String path, Map<String, String> parameters, String query, HttpFields headers, String mediaType,
      byte[] body, Principal principal, String requestId, Map<String, String> traceContext) {
    this.path = path;
    this.parameters = parameters;
    this.query = query;
    this.headers = headers;
    this.mediaType = mediaType;
    this.body = body;
    this.principal = principal;
    this.requestId = requestId;
    this.traceContext = traceContext;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String pathParameter(String name) {
    return parameters.get(name);
  }

  @Override
  public String queryParameter(String name) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (!pair.isEmpty() && decode(key).equals(name)) {
        return eq < 0 ? "" : decode(pair.substring(eq + 1));
      }
    }
    return null;
  }

  private String decode(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "bad_query", "the query string '" + query + "' has a malformed escape in '" + part
          + "' (" + e.getMessage() + "): write a literal % as %25 and other bytes as %XX with two hex digits");
    }
  }

  @Override
  public String header(String name) {
    return headers.get(name);
  }

  /** Every header, for the {@code Tidings-Header-*} copy. */
  HttpFields headers() {
    return headers;
  }

  @Override
  public String mediaType() {
    return mediaType;
  }

  @Override
  public byte[] body() {
    return body;
  }

  @Override
  public Principal principal() {
    return principal;
  }

  @Override
  public String requestId() {
    return requestId;
  }

  @Override
  public Map<String, String> traceContext() {
    return traceContext != null ? traceContext : HttpPost.super.traceContext();
  }
}
