package dev.tidings;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts outcomes and reasons reported through {@link Telemetry}. */
final class CountingTelemetry implements Telemetry {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  @Override
  public void consumed(String group, String stream, Outcome outcome, String reason, long handlerNanos, long lead) {
    counts.computeIfAbsent(outcome + "|" + reason, k -> new LongAdder()).increment();
  }

  long count(Outcome outcome) {
    return counts.entrySet().stream().filter(e -> e.getKey().startsWith(outcome + "|"))
        .mapToLong(e -> e.getValue().sum()).sum();
  }

  Map<String, Long> reasons(Outcome outcome) {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> {
      if (k.startsWith(outcome + "|")) {
        out.put(k.substring(k.indexOf('|') + 1), v.sum());
      }
    });
    return out;
  }
}
