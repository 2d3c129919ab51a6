package dev.tidings.internal;

import dev.tidings.ConfigurationException;
import dev.tidings.FailurePolicy;
import dev.tidings.Ordering;
import dev.tidings.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Applies {@link dev.tidings.ApplicationOptions#subscriptionSettings()} to the subscriptions, so
 * that operators can change delivery settings without changing code.
 */
final class SubscriptionOverrides {
  static final List<String> KEYS = List.of("onFailure", "maxAttempts", "concurrency", "ordering",
      "timeoutMillis", "batchSize", "maxInFlight", "backoffMillis", "deadLetterStream", "patternRefreshMillis",
      "rejectIfDeadLetterFails");

  private SubscriptionOverrides() {}

  /**
   * @throws ConfigurationException naming the group, key or value that is wrong and what is allowed
   */
  static void apply(Map<String, Map<String, String>> settings, List<Subscription> subscriptions) {
    for (Map.Entry<String, Map<String, String>> entry : settings.entrySet()) {
      Subscription target = subscriptions.stream().filter(s -> s.group().equals(entry.getKey())).findFirst()
          .orElseThrow(() -> new ConfigurationException("subscription settings name group '" + entry.getKey()
              + "', which has no subscription; groups: " + groups(subscriptions)));
      entry.getValue().forEach((key, value) -> set(target, key, value.trim()));
    }
  }

  private static TreeSet<String> groups(List<Subscription> subscriptions) {
    TreeSet<String> groups = new TreeSet<>();
    subscriptions.forEach(s -> groups.add(s.group()));
    return groups;
  }

  private static void set(Subscription s, String key, String value) {
    try {
      switch (key) {
        case "onFailure" -> s.failurePolicy(FailurePolicy.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_')));
        case "maxAttempts" -> s.maxAttempts(Integer.parseInt(value));
        case "concurrency" -> s.concurrency(Integer.parseInt(value));
        case "ordering" -> s.ordering(Ordering.valueOf(value.toUpperCase(Locale.ROOT)));
        case "timeoutMillis" -> s.timeout(Long.parseLong(value) == 0 ? null : Duration.ofMillis(Long.parseLong(value)));
        case "batchSize" -> s.batchSize(Integer.parseInt(value));
        case "maxInFlight" -> s.maxInFlight(Integer.parseInt(value));
        case "backoffMillis" -> {
          String[] parts = value.split("\\.\\.");
          long initial = Long.parseLong(parts[0].trim());
          long max = parts.length > 1 ? Long.parseLong(parts[1].trim()) : Math.max(initial, s.maxBackoff().toMillis());
          s.backoff(Duration.ofMillis(initial), Duration.ofMillis(max));
        }
        case "deadLetterStream" -> s.deadLetterStream(value);
        case "patternRefreshMillis" -> s.patternRefresh(Duration.ofMillis(Long.parseLong(value)));
        case "rejectIfDeadLetterFails" -> {
          if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(value);
          }
          s.rejectIfDeadLetterFails(Boolean.parseBoolean(value));
        }
        default -> throw new ConfigurationException("subscription setting '" + key + "' of group " + s.group()
            + " is unknown; use one of " + KEYS);
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("subscription setting " + key + "=" + value + " of group " + s.group()
          + " is invalid: " + hint(key), e);
    }
  }

  private static String hint(String key) {
    return switch (key) {
      case "onFailure" -> "use one of RETRY, DEAD_LETTER, SKIP, STOP";
      case "ordering" -> "use PARTITION or KEY";
      case "backoffMillis" -> "use milliseconds, as initial or initial..max, e.g. 200..30000";
      case "rejectIfDeadLetterFails" -> "use true or false";
      default -> "use a whole number";
    };
  }
}
