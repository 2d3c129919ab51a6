package dev.tidings.internal.kafka;

import dev.tidings.PublishResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.utils.Utils;

/**
 * Orders the sends to one topic around its creation, so that publishing right after a topic was
 * created can neither lose nor stall the first messages.
 *
 * <p>Kafka before 4.5 (KAFKA-15591) can lose the first batch of a brand-new partition when an
 * idempotent producer has several batches in flight to it: the broker answers the first with
 * NOT_LEADER_OR_FOLLOWER, accepts a later one, and every retry of the first then fails with
 * OutOfOrderSequenceException until the delivery timeout. With one batch in flight per partition
 * this cannot happen. So until each partition has acknowledged one record of this producer, the
 * sender sends one record to it and queues the rest behind the acknowledgement; afterwards every
 * send goes straight to the producer.
 *
 * <p>States: {@code CREATING} (records wait for the topic), {@code WARMING} (per-partition gates),
 * {@code READY} (no gating; the hot path reads one volatile field).
 */
final class TopicSender {
  private enum State {
    CREATING,
    WARMING,
    READY
  }

  /** Hands a record to the producer; the partition is {@code null} to let the producer choose. */
  interface Sink {
    void send(OutgoingRecord record, Integer partition, BiConsumer<RecordMetadata, Exception> onAck);
  }

  private static final class Gate {
    boolean warmed;
    boolean firstInFlight;
    final ArrayDeque<OutgoingRecord> queue = new ArrayDeque<>();
  }

  private final Sink sink;
  private final Executor warmupExecutor;
  private volatile State state = State.CREATING;
  private final List<OutgoingRecord> waiting = new ArrayList<>();
  private Gate[] gates;
  private int cold;
  private int nextPartition;

  TopicSender(Sink sink, Executor warmupExecutor) {
    this.sink = sink;
    this.warmupExecutor = warmupExecutor;
  }

  void send(OutgoingRecord record) {
    if (state == State.READY) {
      sink.send(record, null, null);
      return;
    }
    synchronized (this) {
      switch (state) {
        case CREATING -> waiting.add(record);
        case WARMING -> gate(record);
        case READY -> sink.send(record, null, null);
      }
    }
  }

  /** The topic exists with {@code partitions} partitions: release waiting records through the gates. */
  synchronized void created(int partitions) {
    gates = new Gate[partitions];
    for (int i = 0; i < partitions; i++) {
      gates[i] = new Gate();
    }
    cold = partitions;
    state = State.WARMING;
    for (OutgoingRecord r : waiting) {
      gate(r);
    }
    waiting.clear();
  }

  /** The topic could not be made available: fail what waits. Returns the failed records. */
  synchronized List<OutgoingRecord> failed() {
    List<OutgoingRecord> failed = new ArrayList<>(waiting);
    waiting.clear();
    return failed;
  }

  /**
   * The futures of every record not yet handed to the producer (waiting for the topic, or queued
   * behind a partition's first record): they complete once those records are sent and answered.
   */
  synchronized List<CompletableFuture<PublishResult>> unsent() {
    List<CompletableFuture<PublishResult>> unsent = new ArrayList<>();
    for (OutgoingRecord r : waiting) {
      unsent.add(r.result());
    }
    if (gates != null) {
      for (Gate gate : gates) {
        for (OutgoingRecord r : gate.queue) {
          unsent.add(r.result());
        }
      }
    }
    return unsent;
  }

  /**
   * Takes every record not yet handed to the producer (waiting for the topic, or queued behind a
   * partition's first record), so that the caller can fail them when the publisher closes.
   */
  synchronized List<OutgoingRecord> abandon() {
    List<OutgoingRecord> left = new ArrayList<>(waiting);
    waiting.clear();
    if (gates != null) {
      for (Gate gate : gates) {
        left.addAll(gate.queue);
        gate.queue.clear();
      }
    }
    return left;
  }

  private void gate(OutgoingRecord record) {
    int partition = record.key() != null
        ? Utils.toPositive(Utils.murmur2(record.key())) % gates.length
        : nextPartition++ % gates.length;
    Gate gate = gates[partition];
    if (gate.warmed) {
      sink.send(record, partition, null);
    } else if (gate.firstInFlight) {
      gate.queue.add(record);
    } else {
      gate.firstInFlight = true;
      sink.send(record, partition, (metadata, error) -> warmupExecutor.execute(() -> warmed(partition)));
    }
  }

  private synchronized void warmed(int partition) {
    Gate gate = gates[partition];
    if (gate.warmed) {
      return;
    }
    gate.warmed = true;
    for (OutgoingRecord queued : gate.queue) {
      sink.send(queued, partition, null);
    }
    gate.queue.clear();
    if (--cold == 0) {
      state = State.READY;
    }
  }
}
