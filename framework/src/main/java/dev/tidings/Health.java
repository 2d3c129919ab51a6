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
   * @param lag records behind the end of each assigned partition, as last seen
   * @param lastError the error that stopped it, or {@code null}
   */
  public record SubscriptionHealth(
      String group,
      String target,
      State state,
      int assignedPartitions,
      Map<String, Long> lag,
      String lastError) {}
}
