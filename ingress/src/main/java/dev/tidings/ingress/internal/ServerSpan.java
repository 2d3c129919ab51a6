package dev.tidings.ingress.internal;

import dev.tidings.internal.tracing.SpanKind;
import dev.tidings.internal.tracing.TraceSpan;
import dev.tidings.internal.tracing.Tracing;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;

/**
 * The OpenTelemetry SERVER span of one POST, named {@code POST <route template>} with the HTTP
 * semantic conventions' attributes ({@code http.request.method}, {@code http.route}, {@code
 * url.path}, {@code url.scheme}, {@code server.port}, {@code network.protocol.version}, {@code
 * client.address}, {@code user_agent.original}, {@code http.response.status_code}; a 5xx answer
 * marks it failed with {@code error.type} the status). It continues the client's {@code
 * traceparent}; the messages the request publishes carry this span's context instead, so their
 * producer spans are its children. Without tracing it costs nothing and the client's {@code
 * traceparent} and {@code tracestate} are passed on unchanged.
 */
final class ServerSpan {
  static final ServerSpan NONE = new ServerSpan(TraceSpan.NONE, null);

  private final TraceSpan span;
  private final Map<String, String> context;

  private ServerSpan(TraceSpan span, Map<String, String> context) {
    this.span = span;
    this.context = context;
  }

  /** Starts the span of {@code request}, which matched {@code route}. */
  static ServerSpan start(Tracing tracing, Route route, Request request) {
    if (!tracing.enabled()) {
      return NONE;
    }
    HttpFields headers = request.getHeaders();
    String template = route.template().toString();
    TraceSpan span = tracing.span(request.getMethod() + " " + template, SpanKind.SERVER)
        .parentFrom(headers::get)
        .attribute("http.request.method", request.getMethod())
        .attribute("http.route", template)
        .attribute("url.path", request.getHttpURI().getPath())
        .attribute("url.scheme", request.getHttpURI().getScheme())
        .attribute("server.port", Request.getLocalPort(request))
        .attribute("network.protocol.version", version(request))
        .attribute("client.address", Request.getRemoteAddr(request))
        .attribute("user_agent.original", headers.get("User-Agent"))
        .start();
    if (!span.hasContext()) {
      return new ServerSpan(span, null);
    }
    Map<String, String> context = new LinkedHashMap<>();
    span.inject(context::put);
    return new ServerSpan(span, Map.copyOf(context));
  }

  /**
   * This span's trace context ({@code traceparent}, maybe {@code tracestate}) for the request's
   * messages, or {@code null} when it has none (then they carry the client's).
   */
  Map<String, String> context() {
    return context;
  }

  /** Ends the span with the answer's status. */
  void end(int status) {
    span.attribute("http.response.status_code", status);
    if (status >= 500) {
      span.error(Integer.toString(status), "answered " + status);
    }
    span.end();
  }

  private static String version(Request request) {
    String v = request.getConnectionMetaData().getHttpVersion().asString();
    return v.startsWith("HTTP/") ? v.substring("HTTP/".length()) : v;
  }
}
