package dev.tidings.worker.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidings.Application;
import dev.tidings.DecodeException;
import dev.tidings.Failure;
import dev.tidings.MessageContext;
import dev.tidings.PublishException;
import dev.tidings.RemoteFailureException;
import dev.tidings.RequestHeaders;
import dev.tidings.RequestRejectedException;
import dev.tidings.RequestTimeoutException;
import dev.tidings.SchemaValidationException;
import dev.tidings.ingress.HttpPost;
import dev.tidings.ingress.HttpReply;
import dev.tidings.ingress.PostHandler;
import dev.tidings.ingress.TidingsHttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synchronous execution over HTTP: {@code POST /v1/streams/{stream}/request} publishes the body (an
 * envelope, checked like the ingress checks it) as a request with {@code Application.requestEnvelope}
 * and answers with the reply:
 *
 * <ul>
 *   <li>200 and the reply envelope (header {@code Tidings-Correlation-Id});
 *   <li>502 when the serving side answered with a {@code Failure:1}: the error shape with the failure's
 *       code, message, exception class and attempts as its one detail;
 *   <li>504 when no reply came within the timeout;
 *   <li>400 for a body that is no envelope or a bad timeout, 422 for an unknown schema or invalid data,
 *       503 (with {@code Retry-After}) when too many requests wait or Kafka did not take the request.
 * </ul>
 *
 * <p>The timeout comes from the {@code Tidings-Timeout} header or the {@code timeout} query parameter
 * ({@code ?timeout=5s}), for clients that cannot set headers: {@code 500ms}, {@code 30s}, {@code 2m};
 * default 30 s, at most {@code maxTimeout}. Give it one way: a request with both is answered 400
 * ({@code bad_timeout}), even when they agree, rather than one silently winning. The request's
 * Kafka key comes from {@code Tidings-Key} (UTF-8), and the trace context ({@link HttpPost#traceContext}) is passed on. {@link
 * IngressOptions} adds it to the worker's HTTP server beside the ingress routes, with the server's
 * route hook, so it is authenticated and admitted like every POST. The same JSON payload goes over HTTP and over Kafka: {@code curl -d '{"schema":"ExecutionRequest:1",
 * "data":{...}}' -H 'Content-Type: application/json' http://host:8080/v1/streams/executions/request}.
 */
final class RequestRoute implements PostHandler {
  /** The route's path template. */
  static final String TEMPLATE = "/v1/streams/{stream}/request";
  /** The request header with the timeout. */
  static final String TIMEOUT_HEADER = "Tidings-Timeout";
  /** The query parameter with the timeout, for clients that cannot set headers. */
  static final String TIMEOUT_PARAMETER = "timeout";
  /** The request header with the Kafka key. */
  static final String KEY_HEADER = "Tidings-Key";
  /** The response header with the correlation id of the reply. */
  static final String CORRELATION_HEADER = "Tidings-Correlation-Id";

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Application application;
  private final Duration maxTimeout;

  /** Answers requests of {@code application}, waiting at most {@code maxTimeout} whatever a client asks. */
  RequestRoute(Application application, Duration maxTimeout) {
    this.application = application;
    this.maxTimeout = maxTimeout;
  }

  /** Adds the route to {@code server} (with JSON bodies, authenticated and admitted like every POST). */
  static TidingsHttpServer.Builder addTo(TidingsHttpServer.Builder server, Application application,
      Duration maxTimeout) {
    return server.post(TEMPLATE, new RequestRoute(application, maxTimeout));
  }

  @Override
  public CompletableFuture<HttpReply> handle(HttpPost request) {
    String stream = request.pathParameter("stream");
    Duration timeout;
    try {
      timeout = timeout(request.header(TIMEOUT_HEADER), request.queryParameter(TIMEOUT_PARAMETER));
    } catch (IllegalArgumentException e) {
      return done(HttpReply.error(400, "bad_timeout", e.getMessage(), false));
    }
    Map<String, byte[]> headers = new HashMap<>();
    request.traceContext().forEach((name, value) -> headers.put(name, value.getBytes(StandardCharsets.UTF_8)));
    String key = request.header(KEY_HEADER);
    CompletableFuture<MessageContext> reply;
    try {
      reply = application.requestEnvelope(stream, request.body(), headers,
          key == null ? null : key.getBytes(StandardCharsets.UTF_8), timeout);
    } catch (SchemaValidationException e) {
      return done(HttpReply.error(422, "invalid_data", e.getMessage(), false));
    } catch (DecodeException e) {
      boolean unknown = e.reason() == DecodeException.Reason.UNKNOWN_SCHEMA;
      return done(HttpReply.error(unknown ? 422 : 400, unknown ? "unknown_schema" : "not_an_envelope",
          e.getMessage(), false));
    } catch (RequestRejectedException e) {
      return done(HttpReply.error(503, "too_many_requests_waiting", e.getMessage(), true).withHeader("Retry-After", "1"));
    } catch (dev.tidings.ConfigurationException e) {
      return done(HttpReply.error(400, "bad_stream", e.getMessage(), false));
    }
    return reply.handle((context, error) -> context != null ? ok(context) : failed(stream, unwrap(error)));
  }

  private static HttpReply ok(MessageContext reply) {
    HttpReply answer = HttpReply.json(200, reply.value());
    return reply.header(RequestHeaders.CORRELATION_ID).map(id -> answer.withHeader(CORRELATION_HEADER, id)).orElse(answer);
  }

  private static HttpReply failed(String stream, Throwable error) {
    if (error instanceof RemoteFailureException remote) {
      Failure f = remote.failure();
      ObjectNode body = MAPPER.createObjectNode();
      ObjectNode e = body.putObject("error");
      e.put("code", "remote_failure");
      e.put("message", remote.getMessage());
      ObjectNode detail = e.putArray("details").addObject();
      detail.put("code", f.code());
      detail.put("message", f.message());
      detail.put("exceptionClass", f.exceptionClass());
      detail.put("attempts", f.attempts());
      e.put("retriable", false);
      return HttpReply.json(502, body.toString());
    }
    if (error instanceof RequestTimeoutException) {
      return HttpReply.error(504, "timeout", error.getMessage(), true);
    }
    if (error instanceof DecodeException) {
      return HttpReply.error(502, "bad_reply", "the reply to the request on '" + stream + "' could not be read: "
          + error.getMessage(), false);
    }
    if (error instanceof PublishException p) {
      return HttpReply.error(503, "kafka_unavailable", error.getMessage(), p.isRetriable()).withHeader("Retry-After", "5");
    }
    return HttpReply.error(503, "request_failed", String.valueOf(error.getMessage()), true);
  }

  /** The timeout of the header or of the query parameter ({@code null} or blank when not given). */
  private Duration timeout(String header, String parameter) {
    boolean inHeader = header != null && !header.isBlank();
    boolean inQuery = parameter != null && !parameter.isBlank();
    if (inHeader && inQuery) {
      throw new IllegalArgumentException("the timeout is given twice, as " + TIMEOUT_HEADER + ": " + header
          + " and as ?" + TIMEOUT_PARAMETER + "=" + parameter + ": give it once, in the header or in the query");
    }
    if (!inHeader && !inQuery) {
      return DEFAULT_TIMEOUT.compareTo(maxTimeout) <= 0 ? DEFAULT_TIMEOUT : maxTimeout;
    }
    return parse(inHeader ? TIMEOUT_HEADER + " is" : "?" + TIMEOUT_PARAMETER + "= is", inHeader ? header : parameter);
  }

  /** {@code text} as a timeout; {@code what} names where it came from in the messages. */
  private Duration parse(String what, String text) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(what + " '" + text + "': write it as 500ms, 30s or 2m");
    }
    long n = Long.parseLong(m.group(1));
    Duration d = switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
    if (d.isZero() || d.compareTo(maxTimeout) > 0) {
      throw new IllegalArgumentException(what + " " + text + ": use more than 0 and at most " + maxTimeout);
    }
    return d;
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
  }

  private static CompletableFuture<HttpReply> done(HttpReply reply) {
    return CompletableFuture.completedFuture(reply);
  }
}
