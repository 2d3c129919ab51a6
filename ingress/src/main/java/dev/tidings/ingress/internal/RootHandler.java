package dev.tidings.ingress.internal;

import dev.tidings.ingress.Authenticator;
import dev.tidings.ingress.HttpReply;
import dev.tidings.ingress.Principal;
import dev.tidings.internal.tracing.Tracing;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every request. A POST goes through, in order: route and method (404, 405),
 * authentication (401), the principal's streams (403), the rate (429), admission of the request
 * and its bytes (503), the content type (415), and reading the body (413, 400); then its handler
 * answers, possibly later. Whatever a handler throws becomes its {@link HttpError}'s reply, or 503
 * for a defect, so a client never sees a 5xx other than 503. A refused body is drained (within a
 * bound) before the answer, so that the client gets it and its connection stays usable.
 */
final class RootHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(RootHandler.class);
  static final String REQUEST_ID = "X-Request-ID";
  /** A refused body up to this size, or the body limit when it is larger, is drained. */
  static final long DRAIN_AT_LEAST = 1024 * 1024;

  private final List<Route> routes;
  private final Authenticator auth;
  private final long maxBodyBytes;
  private final long drainBytes;
  private final Admission admission;
  private final RateLimiter rate;
  private final String routeList;
  private final Tracing tracing = Tracing.get();

  RootHandler(ServerSettings settings) {
    this.routes = settings.routes();
    StringBuilder list = new StringBuilder();
    for (Route r : routes) {
      list.append(list.length() == 0 ? "" : ", ").append(r.method()).append(' ').append(r.template());
    }
    this.routeList = list.length() == 0 ? "none" : list.toString();
    this.auth = settings.auth();
    this.maxBodyBytes = settings.maxBodyBytes();
    this.drainBytes = Math.max(settings.maxBodyBytes(), DRAIN_AT_LEAST);
    this.admission = new Admission(settings.maxInFlightRequests(), settings.maxInFlightBytes());
    this.rate = new RateLimiter(settings.ratePerSecond(), System::nanoTime);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getDecodedPath();
    String method = request.getMethod();
    Set<String> allowed = new LinkedHashSet<>();
    for (Route route : routes) {
      Map<String, String> params = route.template().match(path);
      if (params == null) {
        continue;
      }
      allowed.add(route.method());
      if (route.method().equals("GET") && (method.equals("GET") || method.equals("HEAD"))) {
        serveGet(route, request, response, callback);
        return true;
      }
      if (route.method().equals("POST") && method.equals("POST")) {
        servePost(route, params, path, request, response, callback);
        return true;
      }
    }
    if (allowed.isEmpty()) {
      reject(request, response, callback, HttpReply.error(404, "not_found", "no route " + path
          + "; the routes of this server: " + routeList, false), null);
    } else {
      String allow = String.join(", ", allowed).replace("GET", "GET, HEAD");
      reject(request, response, callback, HttpReply.error(405, "method_not_allowed", method + " is not allowed on "
          + path + ": use " + allow, false).withHeader("Allow", allow), null);
    }
    return true;
  }

  private void serveGet(Route route, Request request, Response response, Callback callback) {
    HttpReply reply;
    try {
      reply = route.page().get();
    } catch (RuntimeException e) {
      LOG.warn("GET {} failed", route.template(), e);
      reply = HttpError.unavailable("unavailable", "the page cannot be built now (" + e + "); try again", 1).reply();
    }
    write(request, response, callback, reply, null);
  }

  private void servePost(Route route, Map<String, String> params, String path, Request request, Response response,
      Callback callback) {
    ServerSpan span = ServerSpan.start(tracing, route, request);
    HttpFields headers = request.getHeaders();
    String requestId = requestId(headers.get(REQUEST_ID));
    Principal principal = auth.authenticate(headers::get);
    if (principal == null) {
      boolean sent = headers.get(HttpHeader.AUTHORIZATION) != null;
      reject(request, response, callback, HttpReply.error(401, "unauthorized", sent
          ? "the credentials are not valid: check the token or user and password"
          : "credentials are required: send Authorization: Bearer <token> (or Basic)", false)
          .withHeader("WWW-Authenticate", auth.challenge()), requestId, span);
      return;
    }
    String stream = params.get("stream");
    if (stream != null && !principal.mayPublishTo(stream)) {
      reject(request, response, callback, HttpReply.error(403, "forbidden", "principal '" + principal.name()
          + "' may not publish to stream '" + stream + "'; it may publish to " + principal.streams(), false),
          requestId, span);
      return;
    }
    if (!rate.tryAcquire(principal.name())) {
      reject(request, response, callback, HttpReply.error(429, "rate_limited", "principal '" + principal.name()
          + "' sends more requests per second than allowed: slow down and retry after the Retry-After seconds",
          true).withHeader("Retry-After", "1"), requestId, span);
      return;
    }
    String mediaType;
    boolean gzip;
    try {
      mediaType = mediaType(headers.get(HttpHeader.CONTENT_TYPE), route.mediaTypes());
      gzip = BodyReader.gzip(headers.get(HttpHeader.CONTENT_ENCODING));
    } catch (HttpError e) {
      reject(request, response, callback, e.reply(), requestId, span);
      return;
    }
    long length = request.getLength();
    long reserved = length >= 0 && !gzip ? Math.min(length, maxBodyBytes) : maxBodyBytes;
    if (!admission.tryAcquire(reserved)) {
      reject(request, response, callback, HttpError.unavailable("saturated", "the server has "
          + admission.requestsInFlight() + " requests in flight, its limit: retry after the Retry-After seconds", 1)
          .reply(), requestId, span);
      return;
    }
    InputStream content = Content.Source.asInputStream(request);
    byte[] body = null;
    HttpError refused = null;
    try {
      body = BodyReader.read(content, length, gzip, maxBodyBytes);
    } catch (HttpError e) {
      refused = e;
    }
    boolean ended = refused == null ? BodyReader.drain(content, drainBytes) : drain(content, length);
    CompletableFuture<HttpReply> answer;
    if (refused != null) {
      answer = CompletableFuture.failedFuture(refused);
    } else {
      try {
        answer = route.post().handle(new PostRequest(path, params, request.getHttpURI().getQuery(), headers,
            mediaType, body, principal, requestId, span.context()));
      } catch (RuntimeException e) {
        answer = CompletableFuture.failedFuture(e);
      }
    }
    answer.whenComplete((reply, error) -> {
      admission.release(reserved);
      HttpReply answer2 = error == null ? reply : replyFor(route, error);
      span.end(answer2.status());
      write(request, response, callback, ended ? answer2 : closing(request, answer2), requestId);
    });
  }

  /**
   * Answers a POST refused before its body was read, after dropping the body ({@link #drain}).
   */
  private void reject(Request request, Response response, Callback callback, HttpReply reply, String requestId) {
    reject(request, response, callback, reply, requestId, ServerSpan.NONE);
  }

  /** {@link #reject(Request, Response, Callback, HttpReply, String)}, ending {@code span} with the answer. */
  private void reject(Request request, Response response, Callback callback, HttpReply reply, String requestId,
      ServerSpan span) {
    span.end(reply.status());
    boolean ended = drain(Content.Source.asInputStream(request), request.getLength());
    write(request, response, callback, ended ? reply : closing(request, reply), requestId);
  }

  /**
   * Reads and drops the unread rest of a refused request's body, up to {@link #drainBytes}, before
   * the answer. Answering while the client still sends would, on HTTP/1.1, close the connection
   * with unread bytes in it (the kernel then resets it and the client may lose the answer), and on
   * HTTP/2 make Jetty reset the stream: every reset and every DATA frame arriving after it count
   * against Jetty's rate control of bad frames (rapid-reset protection, 128 a second by default),
   * and past that rate Jetty ends the whole session with GOAWAY, failing the client's other streams.
   * A body declared longer than the bound is not read at all.
   *
   * @return whether the body ended, so the connection can carry the next request
   */
  private boolean drain(InputStream content, long declaredLength) {
    return declaredLength <= drainBytes && BodyReader.drain(content, drainBytes);
  }

  /**
   * On HTTP/1.x, {@code Connection: close}: the rest of the body was not read, so the connection
   * cannot carry another request. On HTTP/2 that header does not exist (and made Jetty end the whole
   * session); Jetty resets the stream whose body was left unread, and only that stream.
   */
  private static HttpReply closing(Request request, HttpReply reply) {
    HttpVersion version = request.getConnectionMetaData().getHttpVersion();
    return version == HttpVersion.HTTP_2 || version == HttpVersion.HTTP_3 ? reply
        : reply.withHeader("Connection", "close");
  }

  private static HttpReply replyFor(Route route, Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (e instanceof HttpError h) {
      return h.reply();
    }
    LOG.warn("POST {} failed", route.template(), e);
    return HttpError.unavailable("unavailable", "the request could not be handled (" + e
        + "); nothing was published by it unless a result said so; try again", 1).reply();
  }

  /** The media type without parameters, when the route accepts it. */
  static String mediaType(String contentType, Set<String> accepted) {
    if (contentType == null) {
      throw new HttpError(415, "unsupported_media_type", "Content-Type is missing: send " + accepted);
    }
    String[] parts = contentType.split(";");
    String type = parts[0].trim().toLowerCase(Locale.ROOT);
    if (!accepted.contains(type)) {
      throw new HttpError(415, "unsupported_media_type", "Content-Type '" + contentType + "' is not accepted here: send "
          + accepted);
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim().toLowerCase(Locale.ROOT);
      if (p.startsWith("charset=")) {
        String charset = p.substring("charset=".length()).replace("\"", "");
        if (!charset.equals("utf-8") && !charset.equals("utf8")) {
          throw new HttpError(415, "unsupported_media_type", "charset '" + charset
              + "' is not accepted: send UTF-8 (charset=utf-8, or no charset)");
        }
      }
    }
    return type;
  }

  /** The client's id when it is printable ASCII of at most 200 characters, else a new one. */
  static String requestId(String sent) {
    if (sent != null && !sent.isEmpty() && sent.length() <= 200) {
      boolean ok = true;
      for (int i = 0; i < sent.length() && ok; i++) {
        char c = sent.charAt(i);
        ok = c > 0x20 && c < 0x7f;
      }
      if (ok) {
        return sent;
      }
    }
    return UUID.randomUUID().toString();
  }

  static void write(Request request, Response response, Callback callback, HttpReply reply, String requestId) {
    response.setStatus(reply.status());
    HttpFields.Mutable h = response.getHeaders();
    if (reply.contentType() != null) {
      h.put(HttpHeader.CONTENT_TYPE, reply.contentType());
    }
    h.put(HttpHeader.CACHE_CONTROL, "no-store");
    for (Map.Entry<String, String> e : reply.headers().entrySet()) {
      h.put(e.getKey(), e.getValue());
    }
    if (requestId != null) {
      h.put(REQUEST_ID, requestId);
    }
    if (request.getMethod().equals("HEAD")) {
      response.write(true, null, callback);
      return;
    }
    h.put(HttpHeader.CONTENT_LENGTH, Integer.toString(reply.body().length));
    response.write(true, ByteBuffer.wrap(reply.body()), callback);
  }

  /** The routes, for the documentation. */
  List<Route> routes() {
    return new ArrayList<>(routes);
  }
}
