package dev.tidings.http.sink.internal;

import dev.tidings.http.sink.HttpExchange;
import dev.tidings.http.sink.SinkAuth;
import dev.tidings.internal.tracing.TraceSpan;
import dev.tidings.internal.tracing.Tracing;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs one message's request with the sink's policy and returns the exchange: allow-list check,
 * rate limit, authentication, attempts with backoff (statuses matching {@code retry}, connect errors,
 * timeouts and I/O errors; {@code Retry-After} honoured), manual redirects inside the allow-list, a
 * capped response body, all within the total deadline. Blocks the calling handler thread. Every
 * request sent is traced as a CLIENT span ({@link HttpSpans}), a child of the handler's consumer span,
 * and carries that span's {@code traceparent}.
 */
final class ExchangeRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ExchangeRunner.class);
  private static final int MAX_REDIRECTS = 5;
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final SinkSettings settings;
  private final HttpClient client;
  private final AllowList allow;
  private final RateLimiter rateLimiter;
  private final Backoff backoff;
  private final TokenCache tokens;
  private final Masking masking;
  private final Clock clock;
  private final String urlTemplate;
  private final Tracing tracing = Tracing.get();

  /** @param urlTemplate the path template of a forward sink's URL (for span names), or null */
  ExchangeRunner(SinkSettings settings, HttpClient client, AllowList allow, TokenCache tokens, Clock clock,
      String urlTemplate) {
    this.settings = settings;
    this.urlTemplate = urlTemplate;
    this.client = client;
    this.allow = allow;
    this.rateLimiter = new RateLimiter(settings.rate());
    this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), settings.multiplier(), clock);
    this.tokens = tokens;
    this.masking = new Masking(settings.secretHeaders());
    this.clock = clock;
  }

  /** The outcome of one attempt: a response, or a failure without one. */
  private record Attempt(HttpResponse<CappedBody.Captured> response, HttpExchange.Failure failure, String token,
      Outgoing sent) {}

  /** How many requests were sent for one message so far (attempts and redirect hops). */
  private static final class Sent {
    int requests;
  }

  HttpExchange run(Outgoing request) throws InterruptedException {
    Instant startedAt = clock.instant();
    long start = System.nanoTime();
    long deadline = start + settings.totalTimeout().toNanos();
    if (!allow.allows(request.uri())) {
      return exchange(request, null, 0, startedAt, start, new HttpExchange.Failure("not_allowed",
          "the URL " + request.uri() + " is not on sink '" + settings.name() + "''s allow-list " + allow
              + "; it was not called"));
    }
    int attempts = 0;
    boolean refreshed = false;
    Sent sent = new Sent();
    while (true) {
      if (!rateLimiter.acquire(deadline)) {
        return exchange(request, null, attempts, startedAt, start, new HttpExchange.Failure("deadline",
            "the rate limit of " + settings.rate() + "/s left no slot before the total deadline of "
                + settings.totalTimeout()));
      }
      attempts++;
      Attempt attempt = attempt(request, deadline, attempts, sent);
      HttpResponse<CappedBody.Captured> response = attempt.response();
      if (response != null) {
        int status = response.statusCode();
        if (status == 401 && tokens != null && !refreshed) {
          tokens.invalidate(attempt.token());
          refreshed = true;
          LOG.debug("sink {}: {} answered 401, fetching a new OAuth2 token", settings.name(), request.uri());
          continue;
        }
        if (settings.success().matches(status)) {
          return exchange(attempt.sent(), response, attempts, startedAt, start, attempt.failure());
        }
        if (!settings.retry().matches(status) || attempts >= settings.maxAttempts()) {
          return exchange(attempt.sent(), response, attempts, startedAt, start, attempt.failure());
        }
        int failedAttempts = attempts;
        long delay = response.headers().firstValue("Retry-After").flatMap(backoff::retryAfterMillis)
            .orElseGet(() -> backoff.delayMillis(failedAttempts));
        if (!waitBefore(delay, deadline)) {
          return exchange(attempt.sent(), response, attempts, startedAt, start, null);
        }
        LOG.debug("sink {}: {} answered {} (attempt {}), retrying after {} ms", settings.name(), request.uri(),
            status, attempts, delay);
      } else {
        String kind = attempt.failure().kind();
        boolean retryable = kind.equals("connect") || kind.equals("timeout") || kind.equals("io") || kind.equals("auth");
        if (!retryable || attempts >= settings.maxAttempts()) {
          return exchange(attempt.sent(), null, attempts, startedAt, start, attempt.failure());
        }
        long delay = backoff.delayMillis(attempts);
        if (!waitBefore(delay, deadline)) {
          return exchange(attempt.sent(), null, attempts, startedAt, start, attempt.failure());
        }
        LOG.debug("sink {}: {} failed ({}, attempt {}), retrying after {} ms", settings.name(), request.uri(), kind,
            attempts, delay);
      }
    }
  }

  private static boolean waitBefore(long delayMillis, long deadline) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
    if (until - deadline > 0) {
      return false;
    }
    TimeUnit.MILLISECONDS.sleep(delayMillis);
    return true;
  }

  /** One attempt, following redirects when enabled; a span per request sent. */
  private Attempt attempt(Outgoing first, long deadline, int number, Sent sent) throws InterruptedException {
    Outgoing current = first;
    for (int hop = 0; ; hop++) {
      String token;
      HttpRequest built;
      try {
        token = tokens == null ? null : tokens.token();
      } catch (IOException | RuntimeException e) {
        return new Attempt(null, new HttpExchange.Failure("auth", "could not get an OAuth2 token: " + e.getMessage()),
            null, current);
      }
      TraceSpan span = HttpSpans.start(tracing, settings.name(), current, hop == 0 ? urlTemplate : null,
          sent.requests++, number);
      HttpResponse<CappedBody.Captured> response;
      try {
        current = HttpSpans.withContext(current, span);
        built = build(current, token, deadline);
        response = send(built, deadline);
        HttpSpans.answered(span, response);
      } catch (SendFailure f) {
        if (f.getCause() != null) {
          span.error(f.getCause());
        } else {
          span.error(f.failure.kind(), f.getMessage());
        }
        return new Attempt(null, f.failure, token, current);
      } catch (InterruptedException | RuntimeException e) {
        span.error(e);
        throw e;
      } finally {
        span.end();
      }
      int status = response.statusCode();
      Optional<String> location = response.headers().firstValue("Location");
      if (!settings.followRedirects() || !isRedirect(status) || location.isEmpty()) {
        return new Attempt(response, null, token, current);
      }
      URI target;
      try {
        target = current.uri().resolve(location.get());
      } catch (IllegalArgumentException e) {
        return new Attempt(response, new HttpExchange.Failure("redirect", "the Location '" + location.get()
            + "' is not a URL"), token, current);
      }
      if (!allow.allows(target)) {
        return new Attempt(response, new HttpExchange.Failure("not_allowed", "redirect to " + target
            + " is outside the allow-list " + allow + "; it was not followed"), token, current);
      }
      if (hop >= MAX_REDIRECTS) {
        return new Attempt(response, new HttpExchange.Failure("redirect", "more than " + MAX_REDIRECTS
            + " redirects; the last one to " + target + " was not followed"), token, current);
      }
      boolean asGet = status == 303 || ((status == 301 || status == 302) && current.method().equals("POST"));
      current = current.redirect(target, asGet);
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private HttpRequest build(Outgoing out, String token, long deadline) {
    Duration perAttempt = out.timeout() != null ? out.timeout() : settings.requestTimeout();
    long left = deadline - System.nanoTime();
    Duration timeout = Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(perAttempt.toNanos(), left)));
    HttpRequest.Builder b = HttpRequest.newBuilder(out.uri()).timeout(timeout)
        .method(out.method(), out.body().length == 0 && !out.method().equals("POST") && !out.method().equals("PUT")
            && !out.method().equals("PATCH")
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(out.body()));
    out.headers().forEach((name, values) -> {
      if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(v -> b.header(name, v));
      }
    });
    Auth.apply(settings.auth(), token, b);
    return b.build();
  }

  /** A failure without a response. */
  private static final class SendFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final transient HttpExchange.Failure failure;

    /** @param cause what the client threw (for the span), or null */
    SendFailure(String kind, String message, Throwable cause) {
      super(message, cause, false, false);
      this.failure = new HttpExchange.Failure(kind, message);
    }
  }

  private HttpResponse<CappedBody.Captured> send(HttpRequest request, long deadline)
      throws SendFailure, InterruptedException {
    CompletableFuture<HttpResponse<CappedBody.Captured>> future =
        client.sendAsync(request, CappedBody.handler(settings.maxResponseBytes()));
    try {
      return future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new SendFailure("timeout", "no complete response within the total deadline of " + settings.totalTimeout(),
          e);
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof HttpConnectTimeoutException) {
        throw new SendFailure("connect", "connecting to " + request.uri().getAuthority() + " timed out after "
            + settings.connectTimeout(), cause);
      }
      if (cause instanceof HttpTimeoutException) {
        throw new SendFailure("timeout", "no response headers within " + request.timeout().orElse(null), cause);
      }
      if (cause instanceof ConnectException || (cause != null && cause.getCause() instanceof ConnectException)) {
        throw new SendFailure("connect", "cannot connect to " + request.uri().getAuthority() + ": " + cause, cause);
      }
      throw new SendFailure("io", "the exchange with " + request.uri().getAuthority() + " failed: " + cause, cause);
    }
  }

  private HttpExchange exchange(Outgoing sent, HttpResponse<CappedBody.Captured> response, int attempts,
      Instant startedAt, long startNanos, HttpExchange.Failure failure) {
    long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    Map<String, List<String>> sentHeaders = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    sent.headers().forEach((k, v) -> {
      if (!RESTRICTED.contains(k.toLowerCase(Locale.ROOT))) {
        sentHeaders.put(k, v);
      }
    });
    if (!(settings.auth() instanceof SinkAuth.None)) {
      Auth.names(settings.auth()).forEach(name -> sentHeaders.put(name, List.of(Masking.MASK)));
    }
    HttpExchange.Request recorded = new HttpExchange.Request(sent.method(), sent.uri().toString(),
        masking.mask(sentHeaders), text(sent.body()), base64(sent.body()));
    Optional<HttpExchange.Response> recordedResponse = Optional.empty();
    boolean success = false;
    if (response != null) {
      byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
      recordedResponse = Optional.of(new HttpExchange.Response(response.statusCode(),
          masking.responseHeaders(response.headers().map()), text(body), base64(body),
          response.body() != null && response.body().truncated()));
      success = failure == null && settings.success().matches(response.statusCode());
    }
    return new HttpExchange(recorded, recordedResponse, attempts, startedAt, durationMs,
        success ? HttpExchange.SUCCESS : HttpExchange.ERROR, Optional.ofNullable(failure));
  }

  private static Optional<String> text(byte[] body) {
    if (body.length == 0) {
      return Optional.of("");
    }
    String decoded = Utf8.decodeOrNull(body);
    return Optional.ofNullable(decoded);
  }

  private static Optional<String> base64(byte[] body) {
    return body.length > 0 && Utf8.decodeOrNull(body) == null
        ? Optional.of(Base64.getEncoder().encodeToString(body)) : Optional.empty();
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
