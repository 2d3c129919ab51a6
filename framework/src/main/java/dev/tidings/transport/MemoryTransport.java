package dev.tidings.transport;

import dev.tidings.PublishException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The {@code memory} transport, for tests: it keeps every message it confirms, in order, and can be
 * told to fail. {@code type: memory} with {@code name: x} in a configuration file gives the instance
 * {@link #named(String) named("x")}, so that a test can see what an application configured by file
 * published.
 *
 * <pre>{@code
 * MemoryTransport sent = new MemoryTransport();
 * try (Application app = Application.create(options.toBuilder().transport(sent).build())) {
 *   app.publishAndWait("orders", new OrderPlaced("o-1", 2, Optional.empty()));
 * }
 * assertEquals(1, sent.sent("orders").size());
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} keeps what was sent; a {@link #named} instance outlives its
 * users and ignores it.
 */
public final class MemoryTransport implements Transport {
  private static final Map<String, MemoryTransport> NAMED = new ConcurrentHashMap<>();

  private final List<OutgoingMessage> sent = new ArrayList<>();
  private Function<OutgoingMessage, PublishException> failure = m -> null;
  private final boolean shared;
  private boolean closed;

  /** A new, private instance. */
  public MemoryTransport() {
    this(false);
  }

  private MemoryTransport(boolean shared) {
    this.shared = shared;
  }

  /** The shared instance of this name, created on first use (what {@code type: memory, name: ...} sends to). */
  public static MemoryTransport named(String name) {
    return NAMED.computeIfAbsent(Objects.requireNonNull(name, "name"), n -> new MemoryTransport(true));
  }

  @Override
  public CompletionStage<Delivery> send(OutgoingMessage message) {
    PublishException refused;
    long index;
    synchronized (this) {
      refused = closed ? new PublishException("the memory transport is closed", false, null) : failure.apply(message);
      if (refused == null) {
        sent.add(message);
        index = sent.size() - 1;
        notifyAll();
      } else {
        index = -1;
      }
    }
    return refused != null ? CompletableFuture.failedFuture(refused)
        : CompletableFuture.completedFuture(new Delivery("memory", message.stream(), -1, index, 0));
  }

  /** Every message confirmed so far, in order. */
  public synchronized List<OutgoingMessage> sent() {
    return List.copyOf(sent);
  }

  /** The messages confirmed for {@code stream}, in order. */
  public synchronized List<OutgoingMessage> sent(String stream) {
    return sent.stream().filter(m -> m.stream().equals(stream)).toList();
  }

  /** The envelopes confirmed for {@code stream} as UTF-8 text, in order. */
  public List<String> envelopes(String stream) {
    return sent(stream).stream().map(m -> new String(m.envelope(), StandardCharsets.UTF_8)).toList();
  }

  /**
   * Waits until at least {@code count} messages were confirmed.
   *
   * @return them all
   * @throws AssertionError when fewer arrived within {@code timeout}
   */
  public synchronized List<OutgoingMessage> await(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (sent.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("the memory transport got " + sent.size() + " message(s) within " + timeout
            + ", expected " + count);
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return List.copyOf(sent);
  }

  /**
   * From now on, refuses the messages for which {@code failure} returns an exception (it returns
   * {@code null} for those to keep); {@code m -> null} accepts everything again.
   */
  public synchronized void failWith(Function<OutgoingMessage, PublishException> failure) {
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  /** Forgets what was sent and accepts everything again; also reopens a closed instance. */
  public synchronized void clear() {
    sent.clear();
    failure = m -> null;
    closed = false;
  }

  @Override
  public boolean flush(Duration timeout) {
    return true;
  }

  @Override
  public String type() {
    return "memory";
  }

  @Override
  public synchronized void close() {
    closed = !shared;
  }

  @Override
  public synchronized String toString() {
    return "memory transport (" + sent.size() + " sent)";
  }
}
