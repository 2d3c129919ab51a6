package dev.tidings.http.sink.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.ConfigurationException;
import dev.tidings.DecodeException;
import dev.tidings.MessageContext;
import dev.tidings.PublishResult;
import dev.tidings.SchemaValidationException;
import dev.tidings.http.sink.HttpExchange;
import dev.tidings.http.sink.HttpRequest;
import dev.tidings.http.sink.HttpSink;
import dev.tidings.http.sink.SinkAuth;
import dev.tidings.internal.consumer.Deferrals;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handlers of one mounted sink: turn a message into a request, run it ({@link ExchangeRunner}) on
 * the handler thread, and publish the exchange to its result stream. The record is finished for the
 * consumer engine (its offset committable) only when the broker has acknowledged the exchange ({@link
 * Deferrals}); a refused publish is tried again, without repeating the HTTP call, until it succeeds.
 */
public final class SinkRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(SinkRuntime.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long PUBLISH_RETRY_MAX_MILLIS = 5_000;
  private static final String EXCHANGE_SCHEMA = "HttpExchange:1";

  private final SinkSettings settings;
  private final UrlTemplate template;
  private final ExchangeRunner runner;
  private final TokenCache tokens;
  private final ScheduledExecutorService retries;
  private volatile boolean closed;

  public SinkRuntime(SinkSettings settings) {
    this(settings, Clock.systemUTC());
  }

  SinkRuntime(SinkSettings settings, Clock clock) {
    this.settings = settings;
    String where = "HTTP sink '" + settings.name() + "'";
    this.template = settings.mode() == HttpSink.Mode.FORWARD ? new UrlTemplate(settings.urlTemplate(), where) : null;
    AllowList allow = settings.allow();
    if (template != null && allow.isEmpty()) {
      allow = AllowList.of(List.of(template.origin()));
    }
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.tokens = settings.auth() instanceof SinkAuth.OAuth2 o
        ? new TokenCache(o, client, settings.requestTimeout(), clock) : null;
    this.runner = new ExchangeRunner(settings, client, allow, tokens, clock,
        template == null ? null : template.pathTemplate());
    this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tidings-http-sink-" + settings.name() + "-republish");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Checks a forward sink's URL template.
   *
   * @throws ConfigurationException when it is malformed, or has a placeholder in its origin without an allow-list
   */
  public static void checkTemplate(SinkSettings settings) {
    String where = "HTTP sink '" + settings.name() + "'";
    UrlTemplate t = new UrlTemplate(settings.urlTemplate(), where);
    if (t.placeholderInOrigin() && settings.allow().isEmpty()) {
      throw new ConfigurationException(where + ": url '" + settings.urlTemplate() + "' takes its host from the"
          + " message, so it needs an allow-list: list the hosts it may call with allow");
    }
  }

  /** The handler of requests mode. */
  public void handleRequest(HttpRequest request, MessageContext context) throws Exception {
    publish(runner.run(toOutgoing(request, context)), context);
  }

  /** The handler of forward mode (every message of the pattern, raw). */
  public void handleForward(MessageContext context) throws Exception {
    if (settings.isResultStream(context.stream())) {
      return;
    }
    JsonNode envelope;
    try {
      envelope = context.envelope();
    } catch (DecodeException e) {
      throw new InvalidMessageException("HTTP sink '" + settings.name() + "' forwards envelopes, and " + context.topic()
          + "@" + context.partition() + ":" + context.offset() + " is not one: " + e.getMessage(), e);
    }
    if (EXCHANGE_SCHEMA.equals(envelope.path("schema").asText())) {
      return;
    }
    URI uri = template.expand(envelope);
    byte[] body;
    if (settings.body() == HttpSink.Body.DATA) {
      try {
        body = JSON.writeValueAsBytes(envelope.path("data"));
      } catch (JsonProcessingException e) {
        throw new InvalidMessageException("cannot write the data of " + context.topic() + "@" + context.offset(), e);
      }
    } else {
      body = context.value();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    settings.headers().forEach((k, v) -> headers.put(k, List.of(v)));
    Outgoing outgoing = new Outgoing(settings.method(), uri, headers, body, null);
    if (!outgoing.has("Content-Type")) {
      headers.put("Content-Type", List.of("application/json"));
    }
    publish(runner.run(withContext(outgoing, context)), context);
  }

  /** Closes what the sink holds (nothing that outlives the JVM: the JDK client frees its pool when unreachable). */
  public void close() {
    closed = true;
    retries.shutdown();
    LOG.debug("HTTP sink '{}' stopped", settings.name());
  }

  /** OAuth2 token fetches so far (0 without OAuth2). */
  public int tokenFetches() {
    return tokens == null ? 0 : tokens.fetches();
  }

  private Outgoing toOutgoing(HttpRequest request, MessageContext context) {
    String where = "HttpRequest:1 at " + context.topic() + "@" + context.partition() + ":" + context.offset();
    String method = request.method().strip().toUpperCase(java.util.Locale.ROOT);
    if (!method.matches("[A-Z]+")) {
      throw new InvalidMessageException(where + " has method '" + request.method() + "': use an HTTP method such as GET");
    }
    URI uri;
    try {
      uri = new URI(request.url().strip());
    } catch (java.net.URISyntaxException e) {
      throw new InvalidMessageException(where + " has url '" + request.url() + "', which is not a URL: " + e.getMessage(), e);
    }
    if (!uri.isAbsolute()) {
      throw new InvalidMessageException(where + " has url '" + request.url() + "': use an absolute http(s) URL");
    }
    boolean hasText = request.body() != null && request.body().isPresent();
    boolean hasBinary = request.bodyBase64() != null && request.bodyBase64().isPresent();
    if (hasText && hasBinary) {
      throw new InvalidMessageException(where + " has both body and bodyBase64: give one of them");
    }
    byte[] body = new byte[0];
    if (hasText) {
      body = request.body().get().getBytes(StandardCharsets.UTF_8);
    } else if (hasBinary) {
      try {
        body = Base64.getDecoder().decode(request.bodyBase64().get());
      } catch (IllegalArgumentException e) {
        throw new InvalidMessageException(where + " has a bodyBase64 that is not base64: " + e.getMessage(), e);
      }
    }
    Duration timeout = null;
    if (request.timeout() != null && request.timeout().isPresent()) {
      try {
        timeout = Durations.parse(request.timeout().get());
      } catch (IllegalArgumentException e) {
        throw new InvalidMessageException(where + " has timeout " + e.getMessage(), e);
      }
      if (timeout.isZero() || timeout.isNegative()) {
        throw new InvalidMessageException(where + " has timeout '" + request.timeout().get() + "': use a positive one");
      }
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (request.headers() != null) {
      request.headers().ifPresent(h -> h.forEach((k, v) -> headers.put(k, v == null ? List.of() : new ArrayList<>(v))));
    }
    for (String name : headers.keySet()) {
      if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw new InvalidMessageException(where + " has header name '" + name + "', which is not a valid HTTP token");
      }
    }
    return withContext(new Outgoing(method, uri, headers, body, timeout), context);
  }

  /**
   * Adds {@code Idempotency-Key} (stable across redeliveries) and the record's trace context, unless present;
   * with tracing, each request sent carries its own span's context instead ({@link ExchangeRunner}).
   */
  private static Outgoing withContext(Outgoing outgoing, MessageContext context) {
    Map<String, List<String>> headers = new LinkedHashMap<>(outgoing.headers());
    if (!outgoing.has("Idempotency-Key")) {
      headers.put("Idempotency-Key", List.of(context.topic() + "-" + context.partition() + "-" + context.offset()));
    }
    if (!outgoing.has("traceparent")) {
      context.header("traceparent").ifPresent(t -> headers.put("traceparent", List.of(t)));
    }
    return new Outgoing(outgoing.method(), outgoing.uri(), headers, outgoing.body(), outgoing.timeout());
  }

  private void publish(HttpExchange exchange, MessageContext context) throws Exception {
    String stream = exchange.succeeded()
        ? settings.successStreamFor(context.stream()) : settings.errorStreamFor(context.stream());
    if (!exchange.succeeded()) {
      LOG.info("HTTP sink '{}': {} {} ended in error after {} attempt(s): {}", settings.name(),
          exchange.request().method(), exchange.request().url(), exchange.attempts(),
          exchange.error().map(f -> f.kind() + ": " + f.message())
              .orElseGet(() -> "status " + exchange.response().map(r -> r.status()).orElse(0)));
    }
    if (stream == null) {
      return;
    }
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    send(stream, exchange, context, acknowledged, 1);
    // The record is finished (and its offset committable) only once the broker has the exchange; the
    // handler thread is free for the next request meanwhile.
    Deferrals.completeWhen(context, acknowledged);
  }

  /** Publishes the exchange, again and again while the broker refuses it, until it is acknowledged. */
  private void send(String stream, HttpExchange exchange, MessageContext context, CompletableFuture<Void> acknowledged,
      int attempt) {
    CompletableFuture<PublishResult> sent;
    try {
      sent = context.subscriber().publish(stream, exchange, context.key(), Map.of());
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    sent.whenComplete((result, error) -> {
      if (error == null) {
        acknowledged.complete(null);
        return;
      }
      Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
          ? error.getCause() : error;
      if (closed || cause instanceof SchemaValidationException || cause instanceof ConfigurationException) {
        acknowledged.completeExceptionally(new IllegalStateException("HTTP sink '" + settings.name()
            + "' could not publish the exchange of " + context.topic() + "@" + context.partition() + ":"
            + context.offset() + " to " + stream + " (the message stays uncommitted): " + cause, cause));
        return;
      }
      long delay = Math.min(PUBLISH_RETRY_MAX_MILLIS, 100L << Math.min(attempt, 6));
      LOG.warn("HTTP sink '{}' could not publish an exchange to {} (attempt {}): {}; trying again in {} ms",
          settings.name(), stream, attempt, cause.toString(), delay);
      retries.schedule(() -> send(stream, exchange, context, acknowledged, attempt + 1), delay, TimeUnit.MILLISECONDS);
    });
  }
}
