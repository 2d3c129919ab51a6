package dev.tidings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.ConfigurationException;
import dev.tidings.FailurePolicy;
import dev.tidings.Ordering;
import dev.tidings.Router;
import dev.tidings.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionOverridesTest {

  @Test
  void overridesWhatTheCodeDeclares() {
    Subscription s = new Router().subscribe("orders.*", "billing").maxAttempts(9);
    SubscriptionOverrides.apply(Map.of("billing", Map.of("onFailure", "dead-letter", "maxAttempts", "2",
        "ordering", "key", "concurrency", "4", "timeoutMillis", "1500", "backoffMillis", "10..20",
        "maxInFlight", "50", "deadLetterStream", "errors")), List.of(s));
    assertEquals(FailurePolicy.DEAD_LETTER, s.failurePolicy());
    assertEquals(2, s.maxAttempts());
    assertEquals(Ordering.KEY, s.ordering());
    assertEquals(4, s.concurrency());
    assertEquals(Duration.ofMillis(1500), s.timeout());
    assertEquals(Duration.ofMillis(10), s.initialBackoff());
    assertEquals(Duration.ofMillis(20), s.maxBackoff());
    assertEquals(50, s.maxInFlight());
    assertEquals("errors", s.deadLetterStream());
  }

  @Test
  void overridesTheQueueSettings() {
    Subscription s = new Router().subscribe("jobs.*", "workers").mode(dev.tidings.SubscriptionMode.SHARE);
    SubscriptionOverrides.apply(Map.of("workers", Map.of("patternRefreshMillis", "2500",
        "rejectIfDeadLetterFails", "TRUE")), List.of(s));
    assertEquals(Duration.ofMillis(2500), s.patternRefresh());
    assertEquals(true, s.rejectIfDeadLetterFails());
    ConfigurationException notBoolean = assertThrows(ConfigurationException.class, () -> SubscriptionOverrides.apply(
        Map.of("workers", Map.of("rejectIfDeadLetterFails", "yes")), List.of(s)));
    assertEquals("subscription setting rejectIfDeadLetterFails=yes of group workers is invalid: use true or false",
        notBoolean.getMessage());
  }

  @Test
  void mistakesNameTheGroupKeyAndValue() {
    Subscription s = new Router().subscribe("orders.*", "billing");
    ConfigurationException unknownGroup = assertThrows(ConfigurationException.class,
        () -> SubscriptionOverrides.apply(Map.of("biling", Map.of("maxAttempts", "2")), List.of(s)));
    assertTrue(unknownGroup.getMessage().contains("group 'biling', which has no subscription; groups: [billing]"),
        unknownGroup.getMessage());
    ConfigurationException unknownKey = assertThrows(ConfigurationException.class,
        () -> SubscriptionOverrides.apply(Map.of("billing", Map.of("retries", "2")), List.of(s)));
    assertTrue(unknownKey.getMessage().contains("'retries' of group billing is unknown; use one of"), unknownKey.getMessage());
    ConfigurationException badValue = assertThrows(ConfigurationException.class,
        () -> SubscriptionOverrides.apply(Map.of("billing", Map.of("onFailure", "sometimes")), List.of(s)));
    assertTrue(badValue.getMessage().contains("onFailure=sometimes of group billing is invalid: use one of RETRY"),
        badValue.getMessage());
  }
}
