package dev.tidings.http.sink.internal;

import dev.tidings.internal.tracing.SpanKind;
import dev.tidings.internal.tracing.SpanStarter;
import dev.tidings.internal.tracing.TraceSpan;
import dev.tidings.internal.tracing.Tracing;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CLIENT span of one HTTP request the sink sends (every attempt and every redirect hop has its own),
 * named and described with the OpenTelemetry HTTP client semantic conventions: {@code {method}} or {@code
 * {method} {url.template}}; {@code http.request.method}, {@code url.full} (user info and signature query
 * parameters redacted), {@code server.address}, {@code server.port}, {@code http.request.resend_count} from
 * the second request of a message on, {@code http.response.status_code}, {@code network.protocol.version},
 * and {@code error.type} (the status for 4xx and 5xx, else the exception's class) with status ERROR on
 * failure. A child of the current span, the consumer span of the message being handled.
 */
final class HttpSpans {
  static final String METHOD = "http.request.method";
  static final String METHOD_ORIGINAL = "http.request.method_original";
  static final String RESEND_COUNT = "http.request.resend_count";
  static final String STATUS = "http.response.status_code";
  static final String URL_FULL = "url.full";
  static final String URL_TEMPLATE = "url.template";
  static final String SERVER_ADDRESS = "server.address";
  static final String SERVER_PORT = "server.port";
  static final String PROTOCOL_VERSION = "network.protocol.version";
  /** The sink's name. */
  static final String SINK = "tidings.http_sink.name";
  /** Which of the sink's attempts at the message this request belongs to (1 for the first). */
  static final String ATTEMPT = "tidings.attempt";

  private static final String TRACEPARENT = "traceparent";
  private static final String TRACESTATE = "tracestate";
  private static final String REDACTED = "REDACTED";
  private static final Set<String> KNOWN_METHODS =
      Set.of("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE");
  /** Query parameters the conventions redact by default, since they carry credentials. */
  private static final Set<String> SENSITIVE_PARAMETERS = Set.of("AWSAccessKeyId", "Signature", "sig",
      "X-Goog-Signature");

  private HttpSpans() {}

  /**
   * Starts the span of a request about to be sent.
   *
   * @param urlTemplate the path template of a forward sink's URL, or null
   * @param resends how many requests were sent for this message before this one
   * @param attempt the sink's attempt at the message, 1 for the first
   */
  static TraceSpan start(Tracing tracing, String sink, Outgoing request, String urlTemplate, int resends,
      int attempt) {
    if (!tracing.enabled()) {
      return TraceSpan.NONE;
    }
    String method = request.method();
    boolean known = KNOWN_METHODS.contains(method);
    String name = (known ? method : "HTTP") + (urlTemplate == null ? "" : " " + urlTemplate);
    URI uri = request.uri();
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    SpanStarter starter = tracing.span(name, SpanKind.CLIENT)
        .attribute(METHOD, known ? method : "_OTHER")
        .attribute(METHOD_ORIGINAL, known ? null : method)
        .attribute(URL_FULL, fullUrl(uri))
        .attribute(URL_TEMPLATE, urlTemplate)
        .attribute(SERVER_ADDRESS, uri.getHost())
        .attribute(SERVER_PORT, port)
        .attribute(SINK, sink)
        .attribute(ATTEMPT, attempt);
    if (resends > 0) {
      starter.attribute(RESEND_COUNT, resends);
    }
    return starter.start();
  }

  /** {@code request} with the span's {@code traceparent} (and {@code tracestate}) instead of its own. */
  static Outgoing withContext(Outgoing request, TraceSpan span) {
    if (!span.hasContext()) {
      return request;
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    request.headers().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!lower.equals(TRACEPARENT) && !lower.equals(TRACESTATE)) {
        headers.put(name, values);
      }
    });
    span.inject((name, value) -> headers.put(name, List.of(value)));
    return new Outgoing(request.method(), request.uri(), headers, request.body(), request.timeout());
  }

  /** Records the response; a 4xx or 5xx status is an error of a client span. */
  static void answered(TraceSpan span, HttpResponse<?> response) {
    int status = response.statusCode();
    span.attribute(STATUS, status);
    span.attribute(PROTOCOL_VERSION, response.version() == HttpClient.Version.HTTP_2 ? "2" : "1.1");
    if (status >= 400) {
      span.error(Integer.toString(status), "HTTP " + status);
    }
  }

  /** {@code uri} as text without credentials: user info and the values of signature parameters redacted. */
  static String fullUrl(URI uri) {
    String text = uri.toString();
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      text = text.replace(userInfo + "@", REDACTED + ":" + REDACTED + "@");
    }
    String query = uri.getRawQuery();
    if (query == null || query.isEmpty()) {
      return text;
    }
    StringBuilder redacted = new StringBuilder();
    boolean changed = false;
    boolean first = true;
    for (String parameter : query.split("&", -1)) {
      int eq = parameter.indexOf('=');
      String name = eq < 0 ? parameter : parameter.substring(0, eq);
      if (!first) {
        redacted.append('&');
      }
      first = false;
      if (eq >= 0 && SENSITIVE_PARAMETERS.contains(name)) {
        redacted.append(name).append('=').append(REDACTED);
        changed = true;
      } else {
        redacted.append(parameter);
      }
    }
    return changed ? text.replace("?" + query, "?" + redacted) : text;
  }
}
