package dev.tidings.ingress.internal;

import dev.tidings.ingress.HttpPost;
import dev.tidings.ingress.Principal;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;

/** {@link HttpPost} over a Jetty request whose body has been read. */
final class PostRequest implements HttpPost {
  private final String path;
  private final Map<String, String> parameters;
  private final HttpFields headers;
  private final String mediaType;
  private final byte[] body;
  private final Principal principal;
  private final String requestId;

  PostRequest(String path, Map<String, String> parameters, HttpFields headers, String mediaType, byte[] body,
      Principal principal, String requestId) {
    this.path = path;
    this.parameters = parameters;
    this.headers = headers;
    this.mediaType = mediaType;
    this.body = body;
    this.principal = principal;
    this.requestId = requestId;
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
}
