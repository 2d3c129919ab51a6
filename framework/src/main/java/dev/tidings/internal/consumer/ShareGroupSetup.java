package dev.tidings.internal.consumer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and prepares the broker-side configuration of a share group before its consumers start:
 * sets {@code share.auto.offset.reset} when the group has none of its own (so that, as with
 * Tidings' classic groups, a new group reads what was published before it existed), and reads the
 * delivery count limit and the record lock duration.
 */
final class ShareGroupSetup {
  private static final Logger LOG = LoggerFactory.getLogger(ShareGroupSetup.class);
  static final String OFFSET_RESET = "share.auto.offset.reset";
  static final String DELIVERY_LIMIT = "share.delivery.count.limit";
  static final String LOCK_DURATION = "share.record.lock.duration.ms";

  /**
   * What the broker says of the group.
   *
   * @param deliveryLimit deliveries after which the broker archives a record, or -1 when unknown
   * @param lockMillis how long a delivered record stays locked to its consumer, or -1 when unknown
   */
  record GroupLimits(int deliveryLimit, long lockMillis) {}

  private ShareGroupSetup() {}

  /** Best effort: failures (an old broker, no permission) are logged and give unknown limits. */
  static GroupLimits prepare(Admin admin, String group, String offsetReset, Duration timeout) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, group);
    try {
      Config config = admin.describeConfigs(List.of(resource)).all()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
      ConfigEntry reset = config == null ? null : config.get(OFFSET_RESET);
      if (reset == null || reset.source() != ConfigEntry.ConfigSource.DYNAMIC_GROUP_CONFIG) {
        admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                new ConfigEntry(OFFSET_RESET, offsetReset), AlterConfigOp.OpType.SET))))
            .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("share group {}: set {}={} (the group had no value of its own)", group, OFFSET_RESET, offsetReset);
        config = awaitValue(admin, resource, offsetReset, timeout);
      }
      return new GroupLimits(intValue(config, DELIVERY_LIMIT), intValue(config, LOCK_DURATION));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      LOG.warn("share group {}: could not read or set its configuration ({}); if it is new, set {}={} on the"
          + " group yourself or it starts at the end of the topics", group, cause.toString(), OFFSET_RESET,
          offsetReset);
    }
    return new GroupLimits(-1, -1);
  }

  /**
   * Waits until the broker reports the new reset policy: a share consumer that fetched before the
   * broker applied it would start the group's partitions at their end.
   */
  private static Config awaitValue(Admin admin, ConfigResource resource, String value, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Config config = admin.describeConfigs(List.of(resource)).all()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
      ConfigEntry reset = config == null ? null : config.get(OFFSET_RESET);
      if (reset != null && value.equals(reset.value()) || System.nanoTime() - deadline > 0) {
        return config;
      }
      Thread.sleep(50);
    }
  }

  private static int intValue(Config config, String name) {
    ConfigEntry entry = config == null ? null : config.get(name);
    if (entry == null || entry.value() == null) {
      return -1;
    }
    try {
      return Integer.parseInt(entry.value().trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
