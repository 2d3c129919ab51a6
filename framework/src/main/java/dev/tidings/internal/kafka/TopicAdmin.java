package dev.tidings.internal.kafka;

import dev.tidings.ApplicationOptions;
import dev.tidings.PublishException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates topics on first use and remembers which exist. Creation tolerates a topic that already
 * exists or that another process creates at the same moment. Thread-safe; the admin client is
 * created on first use.
 */
public final class TopicAdmin implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);
  private static final int MAX_DEFAULT_REPLICATION = 3;
  /** The longest {@link #close()} waits for the admin client when nothing is pending. */
  static final Duration CLOSE_BOUND = Duration.ofSeconds(1);

  private final ApplicationOptions options;
  private final Map<String, CompletableFuture<Integer>> known = new ConcurrentHashMap<>();
  private volatile Admin admin;
  private volatile CompletableFuture<Short> replicationFactor;
  private volatile boolean closed;

  public TopicAdmin(ApplicationOptions options) {
    this.options = options;
  }

  /** The admin client, created on first call. */
  public Admin admin() {
    Admin a = admin;
    if (a == null) {
      synchronized (this) {
        a = admin;
        if (a == null) {
          if (closed) {
            throw new IllegalStateException("the topic admin is closed");
          }
          a = Admin.create(ClientSettings.admin(options));
          admin = a;
        }
      }
    }
    return a;
  }

  /**
   * Makes sure {@code topic} exists, creating it with the configured partitions, replication factor
   * and {@code retention} (when not null) if it does not.
   *
   * @return the topic's partition count; fails with {@link PublishException}
   */
  public CompletableFuture<Integer> ensure(String topic, Duration retention) {
    CompletableFuture<Integer> future = known.computeIfAbsent(topic, t -> {
      // A future of our own: the admin client's futures cannot be completed by close().
      CompletableFuture<Integer> own = new CompletableFuture<>();
      create(t, retention).whenComplete((n, e) -> {
        if (e != null) {
          own.completeExceptionally(unwrap(e));
        } else {
          own.complete(n);
        }
      });
      return own;
    });
    future.whenComplete((n, e) -> {
      if (e != null) {
        known.remove(topic, future);
      }
    });
    return future;
  }

  /** Forgets every known topic. */
  public void refresh() {
    known.clear();
  }

  private CompletableFuture<Integer> create(String topic, Duration retention) {
    return replicationFactor()
        .thenCompose(rf -> {
          NewTopic newTopic = new NewTopic(topic, options.partitions(), Optional.of(rf));
          if (retention != null) {
            newTopic.configs(Map.of("retention.ms", Long.toString(retention.toMillis())));
          }
          return admin().createTopics(List.of(newTopic)).numPartitions(topic).toCompletionStage();
        })
        .thenApply(n -> {
          LOG.info("created topic {} with {} partitions", topic, n);
          return n;
        })
        .exceptionallyCompose(e -> {
          Throwable cause = unwrap(e);
          if (cause instanceof TopicExistsException) {
            // Created a moment ago by another client: its metadata may not have reached every broker.
            return describeWhenKnown(topic, 20);
          }
          // Without the right to create topics, a topic that exists is still usable.
          return describe(topic).exceptionallyCompose(describeFailure -> CompletableFuture.failedFuture(
              new PublishException(
                  "cannot create topic '" + topic + "': " + cause.getMessage()
                      + "; create it yourself or grant this client CREATE on the cluster",
                  cause instanceof RetriableException,
                  cause)));
        })
        .toCompletableFuture();
  }

  /** {@link #describe}, asked again every 250 ms while the topic is unknown, at most {@code attempts} times. */
  private CompletableFuture<Integer> describeWhenKnown(String topic, int attempts) {
    return describe(topic).exceptionallyCompose(e -> {
      if (attempts <= 1 || !(unwrap(e) instanceof UnknownTopicOrPartitionException)) {
        return CompletableFuture.failedFuture(e);
      }
      return CompletableFuture.supplyAsync(() -> null,
              CompletableFuture.delayedExecutor(250, TimeUnit.MILLISECONDS))
          .thenCompose(x -> describeWhenKnown(topic, attempts - 1));
    });
  }

  private CompletableFuture<Integer> describe(String topic) {
    return admin().describeTopics(List.of(topic)).topicNameValues().get(topic).toCompletionStage()
        .thenApply((TopicDescription d) -> d.partitions().size())
        .toCompletableFuture();
  }

  /** {@code min(brokers, 3)} unless configured; asked of the cluster once. */
  public CompletableFuture<Short> replicationFactor() {
    if (options.replicationFactor().isPresent()) {
      return CompletableFuture.completedFuture(options.replicationFactor().get());
    }
    CompletableFuture<Short> rf = replicationFactor;
    if (rf == null || rf.isCompletedExceptionally()) {
      rf = admin().describeCluster().nodes().toCompletionStage()
          .thenApply(nodes -> (short) Math.max(1, Math.min(nodes.size(), MAX_DEFAULT_REPLICATION)))
          .toCompletableFuture();
      replicationFactor = rf;
    }
    return rf;
  }

  /** Waits for {@link #ensure} and returns the partition count. */
  public int ensureNow(String topic, Duration retention, Duration timeout) {
    try {
      return ensure(topic, retention).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("interrupted while creating topic " + topic, true, e);
    } catch (ExecutionException e) {
      Throwable cause = unwrap(e);
      if (cause instanceof PublishException p) {
        throw p;
      }
      throw new PublishException("cannot create topic " + topic + ": " + cause.getMessage(), true, cause);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new PublishException(
          "topic " + topic + " was not created within " + timeout + ": is Kafka at "
              + options.kafkaServers() + " reachable?", true, e);
    }
  }

  static Throwable unwrap(Throwable e) {
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /**
   * Closes at once: topic creations still waiting for the cluster (there is nothing to wait for
   * once the application closes) fail with a {@link PublishException}, and the admin client is
   * closed without waiting for their calls. Returns within about {@link #CLOSE_BOUND}.
   */
  @Override
  public void close() {
    Admin a;
    synchronized (this) {
      a = admin;
      admin = null;
      closed = true;
    }
    CompletableFuture<Short> rf = replicationFactor;
    boolean pending = (rf != null && !rf.isDone()) || known.values().stream().anyMatch(f -> !f.isDone());
    known.forEach((topic, future) -> future.completeExceptionally(new PublishException(
        "topic '" + topic + "' was not created: the application closed while waiting for the cluster at "
            + options.kafkaServers(), true, null)));
    if (a != null) {
      a.close(pending ? Duration.ZERO : CLOSE_BOUND);
    }
  }
}
