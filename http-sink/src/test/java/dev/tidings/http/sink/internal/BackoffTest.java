package dev.tidings.http.sink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, clock);

  @Test
  void growsWithJitterUpToTheMaximum() {
    for (int i = 0; i < 50; i++) {
      long first = backoff.delayMillis(1);
      long third = backoff.delayMillis(3);
      assertTrue(first >= 80 && first <= 120, "attempt 1: " + first);
      assertTrue(third >= 320 && third <= 480, "attempt 3: " + third);
      assertTrue(backoff.delayMillis(20) <= 1000);
    }
  }

  @Test
  void retryAfterInSecondsOrAsAnHttpDate() {
    assertEquals(Optional.of(2000L), backoff.retryAfterMillis("2"));
    assertEquals(Optional.of(5000L), backoff.retryAfterMillis("Thu, 01 Jan 2026 00:00:05 GMT"));
    assertEquals(Optional.empty(), backoff.retryAfterMillis("soon"));
  }
}
