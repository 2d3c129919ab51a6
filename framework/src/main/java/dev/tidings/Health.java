package dev.tidings;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of an application's health.
 *
 * @param live the application runs (it has not failed irrecoverably)
 * @param ready every subscription has joined its group and polls, and the producer is usable
 * @param subscriptions one entry per subscription
 */
public record Health(boolean live, boolean ready, List<SubscriptionHealth> subscriptions) {

  /** The lifecycle of one subscription. */
  public enum State {
    STARTING,
    RUNNING,
    STOPPING,
    STOPPED,
    FAILED
  }

  /**
   * One subscription's health.
   *
   * @param group its consumer group
   * @param target its pattern or stream list
   * @param state where it is in its lifecycle
   * @param assignedPartitions the partitions it owns now
   * @param lag per assigned partition, the records between its last committed offset (what a new
   *     owner would start from) and its end, as last seen: records fetched and waiting inside
   *     Tidings count until they are committed
   * @param lastError the error that stopped it, or {@code null}
   * @param inFlight per assigned partition, the records fetched and not finished yet (queued or
   *     running in a handler), as last seen
   * @param inFlightRecords all the records fetched and not finished yet inside Tidings: the sum of
   *     {@code inFlight}, or for a queue subscription (which owns no partitions) the records its
   *     share consumers hold, delivered and not acknowledged yet
   */
  public record SubscriptionHealth(
      String group,
      String target,
      State state,
      int assignedPartitions,
      Map<String, Long> lag,
      String lastError,
      Map<String, Long> inFlight,
      long inFlightRecords) {

    /** A snapshot whose {@code inFlightRecords} is the sum of {@code inFlight}. */
    public SubscriptionHealth(String group, String target, State state, int assignedPartitions, Map<String, Long> lag,
        String lastError, Map<String, Long> inFlight) {
      this(group, target, state, assignedPartitions, lag, lastError, inFlight, sum(inFlight));
    }

    /** A snapshot without in-flight counts. */
    public SubscriptionHealth(
        String group, String target, State state, int assignedPartitions, Map<String, Long> lag, String lastError) {
      this(group, target, state, assignedPartitions, lag, lastError, Map.of(), 0);
    }

    private static long sum(Map<String, Long> counts) {
      long total = 0;
      for (Long n : counts.values()) {
        total += n == null ? 0 : n;
      }
      return total;
    }
  }
}
