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
 * <p>When the producer cannot take a record because it has no metadata for the topic (the brokers
 * are unreachable; {@code send} blocked for {@code max.block.ms} and gave up), every later caller
 * would block as long. Instead the sender goes {@code STALLED}: callers queue their record and
 * return at once, and one probe at a time hands the oldest queued record to the producer on a
 * background thread. If the probe is refused too, the records queued meanwhile fail at once (they
 * would each have blocked as long), so that a caller, or a failover transport, learns of the outage
 * once per {@code max.block.ms} instead of once per record. When a probe goes through, the queue
 * follows it in order and the sender is {@code READY} again.
 *
 * <p>States: {@code CREATING} (records wait for the topic), {@code WARMING} (per-partition gates),
 * {@code READY} (no gating; the hot path reads one volatile field), {@code STALLED} (see above).
 */
final class TopicSender {
  private enum State {
    CREATING,
    WARMING,
    READY,
    STALLED
  }

  /** Where records go. */
  interface Sink {
    /**
     * Hands a record to the producer; the partition is {@code null} to let the producer choose.
     *
     * @return false when the producer refused it for want of metadata (the record has then failed)
     */
    boolean send(OutgoingRecord record, Integer partition, BiConsumer<RecordMetadata, Exception> onAck);

    /** Fails a record queued while the producer had no metadata for the topic, without trying it. */
    void unavailable(OutgoingRecord record);
  }

  private static final class Gate {
    boolean warmed;
    boolean firstInFlight;
    final ArrayDeque<OutgoingRecord> queue = new ArrayDeque<>();
  }

  private final Sink sink;
  private final Executor warmupExecutor;
  private final Executor probeExecutor;
  private volatile State state = State.CREATING;
  private final List<OutgoingRecord> waiting = new ArrayList<>();
  /** Records queued while {@code STALLED}; {@code probing} while a probe runs. */
  private final ArrayDeque<OutgoingRecord> stalled = new ArrayDeque<>();
  private boolean probing;
  private Gate[] gates;
  private int cold;
  private int nextPartition;

  TopicSender(Sink sink, Executor warmupExecutor, Executor probeExecutor) {
    this.sink = sink;
    this.warmupExecutor = warmupExecutor;
    this.probeExecutor = probeExecutor;
  }

  void send(OutgoingRecord record) {
    if (state == State.READY) {
      if (!sink.send(record, null, null)) {
        stall();
      }
      return;
    }
    synchronized (this) {
      switch (state) {
        case CREATING -> waiting.add(record);
        case WARMING -> gate(record);
        case READY -> {
          if (!sink.send(record, null, null)) {
            state = State.STALLED;
          }
        }
        case STALLED -> {
          stalled.add(record);
          if (!probing) {
            probing = true;
            probeExecutor.execute(this::probe);
          }
        }
      }
    }
  }

  private synchronized void stall() {
    if (state == State.READY) {
      state = State.STALLED;
    }
  }

  /** Hands the oldest stalled record to the producer (blocking up to max.block.ms), then the rest or none. */
  private void probe() {
    OutgoingRecord first;
    synchronized (this) {
      first = stalled.poll();
      if (first == null) {
        probing = false;
        return;
      }
    }
    boolean through = sink.send(first, null, null);
    synchronized (this) {
      probing = false;
      while (through && !stalled.isEmpty()) {
        through = sink.send(stalled.poll(), null, null);
      }
      if (through) {
        state = State.READY;
        return;
      }
      for (OutgoingRecord r : stalled) {
        sink.unavailable(r);
      }
      stalled.clear();
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
    for (OutgoingRecord r : stalled) {
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
    left.addAll(stalled);
    stalled.clear();
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
