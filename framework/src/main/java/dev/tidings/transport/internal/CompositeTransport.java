package dev.tidings.transport.internal;

import dev.tidings.PublishException;
import dev.tidings.transport.Delivery;
import dev.tidings.transport.OutgoingMessage;
import dev.tidings.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type: composite}: {@code mode: fanout} sends every message to every member and confirms
 * when all have (or, with {@code continueOnFailure}, when at least one has); {@code mode: failover}
 * tries the members in order and confirms with the first that confirms.
 */
final class CompositeTransport implements Transport {
  private static final Logger LOG = LoggerFactory.getLogger(CompositeTransport.class);

  enum Mode { FANOUT, FAILOVER }

  private final List<Transport> members;
  private final Mode mode;
  private final boolean continueOnFailure;

  CompositeTransport(List<Transport> members, Mode mode, boolean continueOnFailure) {
    this.members = List.copyOf(members);
    this.mode = mode;
    this.continueOnFailure = continueOnFailure;
  }

  @Override
  public CompletionStage<Delivery> send(OutgoingMessage message) {
    return mode == Mode.FANOUT ? fanout(message) : failover(message, 0, new ArrayList<>());
  }

  private CompletionStage<Delivery> fanout(OutgoingMessage message) {
    List<CompletableFuture<Delivery>> sends = new ArrayList<>(members.size());
    for (Transport t : members) {
      sends.add(safeSend(t, message).toCompletableFuture());
    }
    return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).handle((ignored, error) -> {
      Delivery first = null;
      List<Throwable> failures = new ArrayList<>();
      for (int i = 0; i < sends.size(); i++) {
        CompletableFuture<Delivery> f = sends.get(i);
        if (f.isCompletedExceptionally()) {
          failures.add(cause(f));
        } else if (first == null) {
          first = f.join();
        }
      }
      if (failures.isEmpty() || continueOnFailure && first != null) {
        if (!failures.isEmpty()) {
          LOG.warn("fanout to {}: {} of {} transport(s) failed for stream {}, continuing: {}", members.size(),
              failures.size(), members.size(), message.stream(), failures.get(0).getMessage());
        }
        return first;
      }
      throw new CompletionException(combined("fanout: " + failures.size() + " of " + members.size()
          + " transport(s) failed for stream " + message.stream(), failures));
    });
  }

  private CompletionStage<Delivery> failover(OutgoingMessage message, int index, List<Throwable> failures) {
    return safeSend(members.get(index), message).handle((delivery, error) -> {
      if (error == null) {
        return CompletableFuture.completedFuture(delivery);
      }
      failures.add(unwrap(error));
      if (index + 1 < members.size()) {
        return failover(message, index + 1, failures).toCompletableFuture();
      }
      return CompletableFuture.<Delivery>failedFuture(combined("failover: all " + members.size()
          + " transport(s) failed for stream " + message.stream(), failures));
    }).thenCompose(f -> f);
  }

  private static CompletionStage<Delivery> safeSend(Transport t, OutgoingMessage m) {
    try {
      return t.send(m);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static Throwable cause(CompletableFuture<?> f) {
    try {
      f.join();
      return null;
    } catch (CompletionException e) {
      return unwrap(e);
    }
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  private static PublishException combined(String what, List<Throwable> failures) {
    boolean retriable = failures.stream().anyMatch(f -> !(f instanceof PublishException p) || p.isRetriable());
    StringBuilder text = new StringBuilder(what).append(':');
    for (Throwable f : failures) {
      text.append(" [").append(f.getMessage()).append(']');
    }
    PublishException e = new PublishException(text.toString(), retriable, failures.get(failures.size() - 1));
    failures.subList(0, failures.size() - 1).forEach(e::addSuppressed);
    return e;
  }

  @Override
  public boolean flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean all = true;
    for (Transport t : members) {
      all &= t.flush(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
    return all;
  }

  @Override
  public String type() {
    return "composite";
  }

  @Override
  public void close() {
    // a later member may still receive what an earlier one fails while closing
    for (Transport t : members) {
      try {
        t.flush(Duration.ofSeconds(30));
      } catch (RuntimeException e) {
        LOG.warn("flushing {} failed while closing", t, e);
      }
    }
    for (Transport t : members) {
      try {
        t.close();
      } catch (RuntimeException e) {
        LOG.warn("closing {} failed", t, e);
      }
    }
  }

  @Override
  public String toString() {
    return "composite transport (" + mode.name().toLowerCase(java.util.Locale.ROOT) + " " + members + ")";
  }
}
