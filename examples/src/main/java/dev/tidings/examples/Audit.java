package dev.tidings.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.FailurePolicy;
import dev.tidings.Subscribe;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts every envelope on the order streams by its {@code schema}, whatever the schema: a raw
 * handler gets the whole envelope as a JSON tree, not decoded into a record and not validated.
 */
public class Audit {
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  @Subscribe(pattern = "orders.*", group = "audit", onFailure = FailurePolicy.SKIP)
  public void onEnvelope(JsonNode envelope) {
    String schema = envelope.path("schema").asText("(none)");
    counts.computeIfAbsent(schema, s -> new AtomicLong()).incrementAndGet();
  }

  /** How many envelopes of {@code schema} ({@code "OrderPlaced:1"}) were seen. */
  public long count(String schema) {
    AtomicLong n = counts.get(schema);
    return n == null ? 0 : n.get();
  }
}
