package dev.tidings.faults;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts how often each id was handled: lost = expected − distinct, duplicates = total − distinct. */
final class Tally {
  private final Map<Long, AtomicInteger> counts = new ConcurrentHashMap<>();

  void add(long id) {
    counts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
  }

  int distinct() {
    return counts.size();
  }

  long duplicates() {
    return counts.values().stream().mapToLong(c -> c.get() - 1).sum();
  }

  String report(String test, int expected, long millis) {
    return String.format("%s: published %d, handled %d distinct, lost %d, duplicates %d, %d ms",
        test, expected, distinct(), expected - distinct(), duplicates(), millis);
  }
}
