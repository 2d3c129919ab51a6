package dev.tidings.transport.internal;

import dev.tidings.PublishException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One POST with retries: connection failures and 429, 502, 503, 504 are tried again after an
 * exponential backoff with jitter, or after the server's {@code Retry-After} when it sends one,
 * up to {@code maxAttempts} in all. Every other answer, and a request that timed out after it was
 * sent (the server may have stored it), ends the exchange. Messages never contain the
 * {@code Authorization} value.
 */
final class HttpExchange {
  private final HttpClient client;
  private final HttpSettings settings;
  private final ScheduledExecutorService timer;

  HttpExchange(HttpClient client, HttpSettings settings, ScheduledExecutorService timer) {
    this.client = client;
    this.settings = settings;
    this.timer = timer;
  }

  /** Completes with the final answer (any status), or fails with a {@link PublishException}. */
  CompletableFuture<HttpResponse<byte[]>> post(URI uri, HttpRequest request) {
    CompletableFuture<HttpResponse<byte[]>> result = new CompletableFuture<>();
    attempt(uri, request, 1, result);
    return result;
  }

  private void attempt(URI uri, HttpRequest request, int attempt, CompletableFuture<HttpResponse<byte[]>> result) {
    client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
      if (error != null) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        boolean connect = isConnectFailure(cause);
        if (connect && attempt < settings.maxAttempts()) {
          retryLater(uri, request, attempt, backoff(attempt), result);
          return;
        }
        result.completeExceptionally(failure(uri, cause, connect, attempt));
        return;
      }
      int status = response.statusCode();
      if (retriableStatus(status) && attempt < settings.maxAttempts()) {
        Duration wait = retryAfter(response).orElseGet(() -> backoff(attempt));
        retryLater(uri, request, attempt, wait, result);
        return;
      }
      result.complete(response);
    });
  }

  private void retryLater(URI uri, HttpRequest request, int attempt, Duration wait,
      CompletableFuture<HttpResponse<byte[]>> result) {
    try {
      timer.schedule(() -> attempt(uri, request, attempt + 1, result), wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      result.completeExceptionally(new PublishException("the http transport closed while retrying " + uri, true, e));
    }
  }

  static boolean retriableStatus(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  private static boolean isConnectFailure(Throwable cause) {
    return cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
        || cause instanceof UnresolvedAddressException
        || cause instanceof IOException && cause.getCause() instanceof ConnectException;
  }

  private PublishException failure(URI uri, Throwable cause, boolean connect, int attempt) {
    if (connect) {
      return new PublishException("cannot connect to " + uri + " (" + cause.getClass().getSimpleName() + ") after "
          + attempt + " attempt(s): is the ingress running and reachable?", true, cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new PublishException("no answer from " + uri + " within " + settings.timeout() + " (timeout): the"
          + " message may or may not have been stored; it was not sent again", true, cause);
    }
    return new PublishException("the request to " + uri + " failed: " + cause, true, cause);
  }

  /** Exponential from the initial backoff, at most the maximum, with jitter (50-100% of it). */
  Duration backoff(int attempt) {
    long initial = settings.initialBackoff().toMillis();
    long max = settings.maxBackoff().toMillis();
    long exp = initial << Math.min(attempt - 1, 20);
    long capped = Math.min(max, exp < 0 ? max : exp);
    return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }

  /** {@code Retry-After} in seconds or as an HTTP date, at most 5 minutes. */
  static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").map(String::trim).flatMap(v -> {
      try {
        return java.util.Optional.of(Duration.ofSeconds(Math.min(300, Math.max(0, Long.parseLong(v)))));
      } catch (NumberFormatException e) {
        try {
          Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
          return java.util.Optional.of(d.isNegative() ? Duration.ZERO : d.compareTo(Duration.ofMinutes(5)) > 0
              ? Duration.ofMinutes(5) : d);
        } catch (DateTimeParseException e2) {
          return java.util.Optional.empty();
        }
      }
    });
  }
}
