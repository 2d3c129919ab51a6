package dev.tidings;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what queue subscriptions report through {@link Telemetry}. */
final class ShareTelemetry implements Telemetry {
  private final Map<Acknowledgement, AtomicInteger> acks = new ConcurrentHashMap<>();
  private final Map<Outcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
  private final AtomicLong inFlight = new AtomicLong();

  @Override
  public void acknowledged(String group, String stream, Acknowledgement acknowledgement) {
    acks.computeIfAbsent(acknowledgement, a -> new AtomicInteger()).incrementAndGet();
  }

  @Override
  public void consumed(String group, String stream, Outcome outcome, String reason, long nanos, long lead) {
    outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
  }

  @Override
  public void inFlight(String group, int delta) {
    inFlight.addAndGet(delta);
  }

  int acks(Acknowledgement a) {
    AtomicInteger n = acks.get(a);
    return n == null ? 0 : n.get();
  }

  int outcomes(Outcome o) {
    AtomicInteger n = outcomes.get(o);
    return n == null ? 0 : n.get();
  }

  long inFlight() {
    return inFlight.get();
  }
}
