package dev.tidings.internal.consumer;

import dev.tidings.ApplicationOptions;
import dev.tidings.CommitMode;
import dev.tidings.Health;
import dev.tidings.Health.State;
import dev.tidings.Ordering;
import dev.tidings.Subscription;
import dev.tidings.Telemetry;
import dev.tidings.internal.kafka.ClientSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one subscription: a thread that owns the group's {@link KafkaConsumer} (the Kafka runner
 * pattern: poll, hand records to {@link PartitionWork}s, commit; {@code wakeup()} to stop; close in
 * {@code finally}), and a bounded pool that handles the partitions.
 *
 * <p>The poll loop never waits for handlers, so a slow handler never pushes the consumer out of its
 * group: when a partition has {@code maxInFlight} records waiting it is paused and polling goes on;
 * it is resumed when half of them are done ({@link FlowControl} also holds idle partitions). Offsets
 * are committed on the commit interval, before partitions are revoked (after their running handlers
 * return, within the shutdown timeout) and on stop, each time only up to the first record that is
 * not done.
 */
public final class SubscriptionRunner implements Runnable, Runner {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionRunner.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final long LAG_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Subscription spec;
  private final ApplicationOptions options;
  private final Telemetry telemetry;
  private final PartitionWork.Step step;
  private final java.util.concurrent.ScheduledExecutorService timer;
  private final ExecutorService pool;
  private final Map<TopicPartition, PartitionWork> works = new HashMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private volatile boolean running = true;
  private volatile boolean stopRequested;
  private volatile boolean closing;
  private volatile State state = State.STARTING;
  private volatile String lastError;
  private volatile Map<String, Long> lag = Map.of();
  private volatile Map<String, Long> inFlight = Map.of();
  private volatile int assigned;
  private long lastLagRefresh;
  private FlowControl flowControl;

  /** Builds the record step of a runner, given the runner's subscriber factory. */
  public interface StepFactory {
    PartitionWork.Step create(RecordProcessor.SubscriberFactory subscribers);
  }

  SubscriptionRunner(Subscription spec, ApplicationOptions options, java.util.concurrent.ScheduledExecutorService timer,
      RecordProcessor.SubscriberFactory subscriberFactory, StepFactory steps) {
    this.spec = spec;
    this.options = options;
    this.telemetry = options.telemetry();
    this.timer = timer;
    this.step = steps.create(subscriberFactory);
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(spec.concurrency(), spec.concurrency(), 0, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "tidings-" + spec.group() + "-handler-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** Starts the consumer thread. */
  @Override
  public void start() {
    Thread thread = new Thread(this, "tidings-" + spec.group() + "-poll");
    thread.setDaemon(false);
    thread.start();
  }

  @Override
  public void run() {
    try {
      Map<String, Object> settings = ClientSettings.consumer(options, options.groupId(spec.group()));
      flowControl = new FlowControl(spec.maxInFlight(), settings, POLL);
      KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(settings);
      consumer = c;
      try {
        subscribe(c);
        if (!running) {
          return;
        }
        loop(c);
      } finally {
        shutdown(c);
      }
    } catch (WakeupException e) {
      LOG.debug("subscription {} woken up to stop", spec);
    } catch (RuntimeException e) {
      lastError = e.toString();
      state = State.FAILED;
      LOG.error("subscription {} failed and stopped: {}", spec, e.getMessage(), e);
    } finally {
      pool.shutdownNow();
      if (state != State.FAILED) {
        state = State.STOPPED;
      }
      stopped.countDown();
    }
  }

  private void subscribe(KafkaConsumer<byte[], byte[]> c) {
    ConsumerRebalanceListener listener = new Rebalance(c);
    if (spec.pattern() != null && Globs.isPattern(spec.pattern())) {
      c.subscribe(Globs.subscriptionPattern(options.topicPrefix(), spec.pattern(), DeadLetters.SUFFIX,
          spec.deadLetterStream(), options.replyStream().orElse(null)), listener);
    } else {
      List<String> topics = new ArrayList<>();
      for (String stream : spec.pattern() != null ? List.of(spec.pattern()) : spec.streams()) {
        topics.add(options.topicPrefix() + stream);
      }
      c.subscribe(topics, listener);
    }
  }

  private void loop(KafkaConsumer<byte[], byte[]> c) {
    long commitEvery = options.commitInterval().toNanos();
    long nextCommit = System.nanoTime() + commitEvery;
    while (running && !stopRequested) {
      ConsumerRecords<byte[], byte[]> records;
      try {
        records = c.poll(POLL);
      } catch (WakeupException e) {
        records = ConsumerRecords.empty();
      }
      for (TopicPartition tp : records.partitions()) {
        PartitionWork work = works.get(tp);
        if (work != null) {
          work.add(records.records(tp));
        }
      }
      flowControl.apply(c, works.values());
      long now = System.nanoTime();
      if (now - nextCommit >= 0) {
        commitAsync(c);
        nextCommit = now + commitEvery;
      }
      if (now - lastLagRefresh >= LAG_REFRESH_NANOS) {
        refreshLag(c);
        lastLagRefresh = now;
      }
    }
    if (stopRequested) {
      state = State.FAILED;
    }
  }

  private Map<TopicPartition, OffsetAndMetadata> committable(Collection<PartitionWork> of) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (PartitionWork work : of) {
      long offset = work.committable();
      if (offset >= 0) {
        offsets.put(work.partition, new OffsetAndMetadata(offset));
      }
    }
    return offsets;
  }

  private void commitAsync(KafkaConsumer<byte[], byte[]> c) {
    Map<TopicPartition, OffsetAndMetadata> offsets = committable(works.values());
    if (offsets.isEmpty()) {
      return;
    }
    c.commitAsync(offsets, (done, error) -> {
      if (error != null) {
        LOG.warn("subscription {} could not commit {}: {}; will commit again", spec, offsets, error.toString());
        return;
      }
      done.forEach((tp, om) -> {
        PartitionWork work = works.get(tp);
        if (work != null) {
          work.committed(om.offset());
        }
      });
    });
  }

  private void commitSync(KafkaConsumer<byte[], byte[]> c, Collection<PartitionWork> of) {
    Map<TopicPartition, OffsetAndMetadata> offsets = committable(of);
    if (offsets.isEmpty()) {
      return;
    }
    try {
      try {
        c.commitSync(offsets, options.shutdownTimeout());
      } catch (WakeupException e) {
        c.commitSync(offsets, options.shutdownTimeout());
      }
      for (PartitionWork work : of) {
        OffsetAndMetadata om = offsets.get(work.partition);
        if (om != null) {
          work.committed(om.offset());
        }
      }
    } catch (KafkaException e) {
      LOG.warn("subscription {} could not commit {} ({}); those records may be delivered again",
          spec, offsets, e.toString());
    }
  }

  /**
   * Lag counts from the committed offset, not from the consumer's position: records fetched and
   * waiting in a {@link PartitionWork} are not done, and a new owner would read them again.
   */
  private void refreshLag(KafkaConsumer<byte[], byte[]> c) {
    Map<String, Long> snapshot = new HashMap<>();
    Map<String, Long> fetched = new HashMap<>();
    works.forEach((tp, work) -> {
      fetched.put(tp.toString(), (long) work.size());
      OptionalLong fromPosition = c.currentLag(tp);
      if (fromPosition.isPresent()) {
        long base = work.committedBase();
        // currentLag is known only while the position is, so position() does not block here.
        long end = c.position(tp) + fromPosition.getAsLong();
        snapshot.put(tp.toString(), base >= 0 ? Math.max(0, end - base) : fromPosition.getAsLong());
      }
    });
    lag = Map.copyOf(snapshot);
    inFlight = Map.copyOf(fetched);
  }

  private boolean closeAll(Collection<PartitionWork> of, long deadline) {
    boolean all = true;
    for (PartitionWork work : of) {
      try {
        all &= work.closeAndAwait(deadline);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return all;
  }

  private void shutdown(KafkaConsumer<byte[], byte[]> c) {
    closing = true;
    if (state != State.FAILED) {
      state = State.STOPPING;
    }
    long deadline = System.nanoTime() + options.shutdownTimeout().toNanos();
    if (!closeAll(works.values(), deadline)) {
      LOG.warn("subscription {}: handlers still running after {}; their records stay uncommitted",
          spec, options.shutdownTimeout());
    }
    if (!Thread.currentThread().isInterrupted()) {
      commitSync(c, works.values());
    }
    works.clear();
    c.close(CloseOptions.timeout(Duration.ofSeconds(10)));
  }

  private void wakeForResume() {
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null && running && !closing) {
      c.wakeup();
    }
  }

  /** Asks the runner to stop; {@link #awaitStop} waits for it. */
  @Override
  public void stop() {
    running = false;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }

  /** Waits until the consumer thread has finished; true when it did within {@code timeout}. */
  @Override
  public boolean awaitStop(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Called by a partition whose handler failed under policy STOP. */
  void requestStop(Throwable error) {
    lastError = String.valueOf(error);
    stopRequested = true;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }

  @Override
  public Health.SubscriptionHealth health() {
    String target = spec.pattern() != null ? spec.pattern() : String.join(",", spec.streams());
    return new Health.SubscriptionHealth(spec.group(), target, state, assigned, lag, lastError, inFlight);
  }

  PartitionWork newWork(TopicPartition tp) {
    int lanes = spec.ordering() == Ordering.KEY ? Math.max(2, spec.concurrency()) : 1;
    int batchSize = spec.batchHandler() != null ? spec.batchSize() : 1;
    return new PartitionWork(tp, step, pool, timer, options.commitMode() == CommitMode.AUTO, lanes, batchSize,
        error -> requestStop(new IllegalStateException("handler failed under policy STOP on " + tp + ": " + error, error)),
        this::wakeForResume);
  }

  /** Commits and forgets revoked partitions; starts work for assigned ones. */
  private final class Rebalance implements ConsumerRebalanceListener {
    private final KafkaConsumer<byte[], byte[]> c;

    Rebalance(KafkaConsumer<byte[], byte[]> c) {
      this.c = c;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      List<PartitionWork> revoked = new ArrayList<>();
      for (TopicPartition tp : partitions) {
        PartitionWork work = works.get(tp);
        if (work != null) {
          revoked.add(work);
        }
      }
      long deadline = System.nanoTime() + options.shutdownTimeout().toNanos();
      closeAll(revoked, deadline);
      commitSync(c, revoked);
      for (PartitionWork work : revoked) {
        works.remove(work.partition);
        flowControl.forget(work.partition);
      }
      assigned = works.size();
      if (!partitions.isEmpty()) {
        LOG.info("subscription {} gave up {}", spec, partitions);
        telemetry.rebalanced(spec.group(), 0, partitions.size());
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      for (TopicPartition tp : partitions) {
        works.computeIfAbsent(tp, SubscriptionRunner.this::newWork);
      }
      assigned = works.size();
      if (state == State.STARTING) {
        state = State.RUNNING;
      }
      LOG.info("subscription {} now owns {}", spec, works.keySet());
      telemetry.rebalanced(spec.group(), partitions.size(), 0);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      for (TopicPartition tp : partitions) {
        PartitionWork work = works.remove(tp);
        flowControl.forget(tp);
        if (work != null) {
          try {
            work.closeAndAwait(System.nanoTime());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
      assigned = works.size();
      LOG.warn("subscription {} lost {} without a clean hand-over; their records may be delivered again",
          spec, partitions);
    }
  }
}
