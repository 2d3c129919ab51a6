package dev.tidings.http.sink.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with ±20% jitter, and the {@code Retry-After} header that overrides it. */
final class Backoff {
  private final Duration initial;
  private final Duration max;
  private final double multiplier;
  private final Clock clock;

  Backoff(Duration initial, Duration max, double multiplier, Clock clock) {
    this.initial = initial;
    this.max = max;
    this.multiplier = multiplier;
    this.clock = clock;
  }

  /** The delay after failed attempt number {@code attempt} (1 for the first), capped at the maximum. */
  long delayMillis(int attempt) {
    double base = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    double capped = Math.min(max.toMillis(), base);
    double jittered = capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble());
    return Math.max(0, Math.min(max.toMillis(), Math.round(jittered)));
  }

  /** The delay a {@code Retry-After} value asks for: seconds, or an HTTP date; empty when unreadable. */
  Optional<Long> retryAfterMillis(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? Optional.empty() : Optional.of(seconds * 1000);
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        return Optional.of(Math.max(0, at.toInstant().toEpochMilli() - clock.millis()));
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }
}
