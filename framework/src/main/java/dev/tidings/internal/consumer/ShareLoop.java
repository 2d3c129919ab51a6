package dev.tidings.internal.consumer;

import dev.tidings.Subscription;
import dev.tidings.Telemetry;
import dev.tidings.Telemetry.Acknowledgement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicIdPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One share consumer of a queue subscription and the thread that owns it (the Kafka runner pattern:
 * poll, handle each record on this thread, acknowledge it; {@code wakeup()} to stop; close in
 * {@code finally}). The acknowledgements of a poll are committed asynchronously once all its records
 * are handled, and synchronously on stop.
 *
 * <p>Each record goes through the same {@link RecordProcessor} as in a classic group, with its
 * attempts taken from the broker's delivery count; the result is acknowledged: done (handled,
 * dead-lettered, skipped) → ACCEPT; a retryable failure → RELEASE, so that the broker delivers it
 * again (to any consumer of the group); a dead letter that could not be written → RELEASE, or
 * REJECT when the subscription says so; policy STOP → RELEASE and the subscription stops. On a
 * graceful stop the records of the last poll that were not started are released at once.
 */
final class ShareLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ShareLoop.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final Subscription spec;
  private final Map<String, Object> settings;
  private final ShareTopics topics;
  private final PartitionWork.Step step;
  private final Telemetry telemetry;
  private final ShareRunner owner;
  private final String topicPrefix;
  private final Duration shutdownTimeout;
  private final Clock clock;
  private volatile KafkaShareConsumer<byte[], byte[]> consumer;
  private volatile boolean running = true;
  private volatile boolean received;
  /** Records of the current poll not acknowledged yet (written by this loop's thread only). */
  private volatile int held;

  ShareLoop(Subscription spec, Map<String, Object> settings, ShareTopics topics, PartitionWork.Step step,
      Telemetry telemetry, ShareRunner owner, String topicPrefix, Duration shutdownTimeout, Clock clock) {
    this.spec = spec;
    this.settings = settings;
    this.topics = topics;
    this.step = step;
    this.telemetry = telemetry;
    this.owner = owner;
    this.topicPrefix = topicPrefix;
    this.shutdownTimeout = shutdownTimeout;
    this.clock = clock;
  }

  /** The records this consumer holds now: delivered and not acknowledged yet. */
  int held() {
    return held;
  }

  /** Whether this consumer has been given at least one record. */
  boolean received() {
    return received;
  }

  @Override
  public void run() {
    KafkaShareConsumer<byte[], byte[]> c = new KafkaShareConsumer<>(settings);
    consumer = c;
    try {
      c.setAcknowledgementCommitCallback(this::onCommitted);
      loop(c);
    } catch (WakeupException e) {
      LOG.debug("share consumer of group {} woken up to stop", spec.group());
    } finally {
      close(c);
    }
  }

  private void loop(KafkaShareConsumer<byte[], byte[]> c) {
    Set<String> subscribed = Set.of();
    while (running) {
      owner.running();
      Set<String> wanted = topics.current();
      if (!wanted.equals(subscribed)) {
        if (wanted.isEmpty()) {
          c.unsubscribe();
        } else {
          c.subscribe(wanted);
        }
        subscribed = wanted;
      }
      if (subscribed.isEmpty()) {
        // No topic matches yet: wait for the next resolution (stop() unparks this thread).
        LockSupport.parkNanos(this, POLL.toNanos());
        continue;
      }
      ConsumerRecords<byte[], byte[]> records;
      try {
        records = c.poll(POLL);
      } catch (WakeupException e) {
        continue;
      }
      if (!records.isEmpty()) {
        received = true;
        handle(c, records);
        // Send the acknowledgements now: the next poll may be served from records the client fetched ahead,
        // and would carry them only with its next fetch, widening what a crash delivers twice.
        c.commitAsync();
      }
    }
  }

  private void handle(KafkaShareConsumer<byte[], byte[]> c, ConsumerRecords<byte[], byte[]> records) {
    int held = records.count();
    this.held = held;
    telemetry.inFlight(spec.group(), held);
    try {
      for (ConsumerRecord<byte[], byte[]> record : records) {
        AcknowledgeType type = running ? attempt(record) : AcknowledgeType.RELEASE;
        c.acknowledge(record, type);
        held--;
        this.held = held;
        telemetry.inFlight(spec.group(), -1);
        telemetry.acknowledged(spec.group(), stream(record), acknowledgement(type));
      }
    } finally {
      if (held > 0) {
        telemetry.inFlight(spec.group(), -held);
      }
      this.held = 0;
    }
  }

  /** One attempt at {@code record}; what to acknowledge. */
  private AcknowledgeType attempt(ConsumerRecord<byte[], byte[]> record) {
    Lane lane = new Lane();
    int delivery = record.deliveryCount().map(Short::intValue).orElse(1);
    if (delivery > 1) {
      // Earlier deliveries (on this or another consumer) failed: the broker counted them.
      lane.failingOffset = record.offset();
      lane.attempts = delivery - 1;
      lane.firstFailureMillis = clock.millis();
    }
    Next next = step.process(List.of(record), lane, null);
    switch (next.kind()) {
      case GO_ON -> {
        return AcknowledgeType.ACCEPT;
      }
      case RETRY -> {
        if (next.error() != null && spec.rejectIfDeadLetterFails()) {
          LOG.error("share group {} rejects {}: its dead letter could not be written (rejectIfDeadLetterFails);"
              + " the broker archives it", spec.group(), describe(record));
          return AcknowledgeType.REJECT;
        }
        return AcknowledgeType.RELEASE;
      }
      default -> {
        owner.failed(next.error());
        return AcknowledgeType.RELEASE;
      }
    }
  }

  private void onCommitted(Map<TopicIdPartition, Set<Long>> offsets, Exception error) {
    if (error != null) {
      LOG.warn("share group {}: the broker did not take the acknowledgements of {} ({}); those records will be"
          + " delivered again (did a handler take longer than the record lock duration?)", spec.group(), offsets,
          error.toString());
    }
  }

  private static Acknowledgement acknowledgement(AcknowledgeType type) {
    return switch (type) {
      case ACCEPT -> Acknowledgement.ACCEPTED;
      case REJECT -> Acknowledgement.REJECTED;
      default -> Acknowledgement.RELEASED;
    };
  }

  private String stream(ConsumerRecord<byte[], byte[]> record) {
    return record.topic().startsWith(topicPrefix) ? record.topic().substring(topicPrefix.length()) : record.topic();
  }

  private static String describe(ConsumerRecord<byte[], byte[]> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }

  private void close(KafkaShareConsumer<byte[], byte[]> c) {
    try {
      if (!c.subscription().isEmpty()) {
        commit(c);
      }
    } finally {
      try {
        c.close(shutdownTimeout.compareTo(Duration.ofSeconds(10)) < 0 ? shutdownTimeout : Duration.ofSeconds(10));
      } catch (KafkaException e) {
        LOG.warn("share consumer of group {} did not close cleanly: {}", spec.group(), e.toString());
      }
    }
  }

  private void commit(KafkaShareConsumer<byte[], byte[]> c) {
    for (int tries = 0; tries < 2; tries++) {
      try {
        Map<TopicIdPartition, Optional<KafkaException>> result = c.commitSync(shutdownTimeout);
        result.forEach((tp, e) -> e.ifPresent(x -> LOG.warn("share group {}: final acknowledgements on {} failed"
            + " ({}); those records will be delivered again", spec.group(), tp, x.toString())));
        return;
      } catch (WakeupException e) {
        // stop() woke the consumer after the loop ended: commit again
      } catch (KafkaException e) {
        LOG.warn("share group {}: final acknowledgements failed ({}); those records will be delivered again",
            spec.group(), e.toString());
        return;
      }
    }
  }

  /** Stops after the record at hand; unstarted records of the last poll are released. */
  void stop(Thread thread) {
    running = false;
    KafkaShareConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    LockSupport.unpark(thread);
  }
}
