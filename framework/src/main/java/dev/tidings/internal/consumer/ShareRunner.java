package dev.tidings.internal.consumer;

import dev.tidings.ApplicationOptions;
import dev.tidings.Health;
import dev.tidings.Health.State;
import dev.tidings.Subscription;
import dev.tidings.internal.kafka.ClientSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a queue subscription ({@code mode = SHARE}): {@code concurrency} {@link ShareLoop}s, each a
 * thread owning one share consumer of the group, and a resolver thread that prepares the group's
 * configuration ({@link ShareGroupSetup}) and, for a glob, resolves it against the cluster's topics
 * every {@code patternRefresh} ({@link ShareTopics}). Workers scale out by starting more
 * applications in the same group: the broker hands records to any consumer, without rebalancing
 * partitions.
 */
public final class ShareRunner implements Runner {
  private static final Logger LOG = LoggerFactory.getLogger(ShareRunner.class);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(15);

  private final Subscription spec;
  private final ApplicationOptions options;
  private final ShareTopics topics;
  private final List<ShareLoop> loops = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final CountDownLatch stopped;
  private final Map<String, Object> settings;
  private volatile Thread resolver;
  private volatile boolean stopping;
  /** Whether the consumer threads were started, or given up on (then their latch counts are released). */
  private boolean loopsSettled;
  private volatile State state = State.STARTING;
  private volatile String lastError;

  ShareRunner(Subscription spec, ApplicationOptions options, PartitionWork.Step step, Clock clock) {
    this.spec = spec;
    this.options = options;
    this.settings = ShareSettings.consumer(options, options.groupId(spec.group()));
    this.topics = spec.pattern() != null && Globs.isPattern(spec.pattern())
        ? ShareTopics.glob(spec.group(), options.topicPrefix(), spec.pattern(), spec.deadLetterStream(),
            options.replyStream().orElse(null))
        : ShareTopics.fixed(spec.group(), options.topicPrefix(),
            spec.pattern() != null ? List.of(spec.pattern()) : spec.streams());
    for (int i = 0; i < spec.concurrency(); i++) {
      loops.add(new ShareLoop(spec, settings, topics, step, options.telemetry(), this, options.topicPrefix(),
          options.shutdownTimeout(), clock));
    }
    this.stopped = new CountDownLatch(loops.size() + 1);
  }

  @Override
  public void start() {
    Thread t = new Thread(this::resolve, "tidings-" + spec.group() + "-share-topics");
    t.setDaemon(true);
    resolver = t;
    t.start();
  }

  /** Prepares the group, starts the consumers, then keeps the topic list current. */
  private void resolve() {
    try (Admin admin = Admin.create(ClientSettings.admin(options))) {
      ShareGroupSetup.GroupLimits limits =
          ShareGroupSetup.prepare(admin, options.groupId(spec.group()), ShareSettings.offsetReset(options), ADMIN_TIMEOUT);
      if (limits.deliveryLimit() > 0 && limits.deliveryLimit() < spec.maxAttempts()) {
        LOG.warn("share group {}: maxAttempts {} is above the group's {} of {}, after which the broker archives a"
            + " record without a dead letter; dead-lettering after {} attempts. Raise {} on the group (or the"
            + " broker's group.share.delivery.count.limit), or lower maxAttempts", spec.group(), spec.maxAttempts(),
            ShareGroupSetup.DELIVERY_LIMIT, limits.deliveryLimit(), limits.deliveryLimit(),
            ShareGroupSetup.DELIVERY_LIMIT);
        spec.maxAttempts(limits.deliveryLimit());
      }
      if (topics.needsResolving() && !stopping) {
        topics.resolve(admin, ADMIN_TIMEOUT);
      }
      startLoops();
      long every = spec.patternRefresh().toNanos();
      while (topics.needsResolving() && !stopping) {
        LockSupport.parkNanos(this, every);
        if (!stopping) {
          topics.resolve(admin, ADMIN_TIMEOUT);
        }
      }
    } catch (RuntimeException e) {
      failed(e);
      LOG.error("share group {}: the topic resolver failed: {}", spec.group(), e.toString(), e);
    } finally {
      settleLoops();
      stopped.countDown();
    }
  }

  /** Releases the latch counts of consumer threads that never started (stopped or failed first). */
  private synchronized void settleLoops() {
    if (!loopsSettled) {
      loopsSettled = true;
      for (int i = 0; i < loops.size(); i++) {
        stopped.countDown();
      }
    }
  }

  private synchronized void startLoops() {
    if (stopping) {
      settleLoops();
      return;
    }
    loopsSettled = true;
    for (int i = 0; i < loops.size(); i++) {
      ShareLoop loop = loops.get(i);
      Thread t = new Thread(() -> {
        try {
          loop.run();
        } catch (RuntimeException e) {
          failed(e);
          LOG.error("share consumer of group {} failed and stopped: {}", spec.group(), e.getMessage(), e);
        } finally {
          stopped.countDown();
        }
      }, "tidings-" + spec.group() + "-share-" + (i + 1));
      t.setDaemon(false);
      threads.add(t);
      t.start();
    }
    LOG.info("share group {}: started {} consumer(s) on {}", spec.group(), loops.size(),
        spec.pattern() != null ? spec.pattern() : spec.streams());
  }

  /** A consumer is polling: the subscription runs. */
  void running() {
    if (state == State.STARTING) {
      state = State.RUNNING;
    }
  }

  /** A consumer failed, or a handler failed under policy STOP: every consumer stops. */
  void failed(Throwable error) {
    lastError = String.valueOf(error);
    state = State.FAILED;
    stopAll();
  }

  @Override
  public void stop() {
    if (state != State.FAILED) {
      state = State.STOPPING;
    }
    stopAll();
  }

  private synchronized void stopAll() {
    stopping = true;
    for (int i = 0; i < threads.size(); i++) {
      loops.get(i).stop(threads.get(i));
    }
    Thread r = resolver;
    if (r != null) {
      LockSupport.unpark(r);
    }
  }

  @Override
  public boolean awaitStop(Duration timeout) throws InterruptedException {
    boolean done = stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (done && state != State.FAILED) {
      state = State.STOPPED;
    }
    return done;
  }

  /** How many of the consumers have received records so far (for tests and diagnostics). */
  int consumersWithWork() {
    return (int) loops.stream().filter(ShareLoop::received).count();
  }

  @Override
  public Health.SubscriptionHealth health() {
    String target = spec.pattern() != null ? spec.pattern() : String.join(",", spec.streams());
    long held = 0;
    for (ShareLoop loop : loops) {
      held += loop.held();
    }
    // owns no partitions: no lag, and in flight only as a total
    return new Health.SubscriptionHealth(spec.group(), target, state, 0, Map.of(), lastError, Map.of(), held);
  }
}
