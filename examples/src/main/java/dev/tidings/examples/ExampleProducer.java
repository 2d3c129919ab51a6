package dev.tidings.examples;

import dev.tidings.Application;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a sample order every {@code interval} on a daemon thread, alternating between {@code
 * orders.eu} and {@code orders.us}, and ships the previous order.
 *
 * <pre>{@code
 * try (ExampleProducer producer = ExampleProducer.start(app, Duration.ofSeconds(1))) {
 *   ...
 * }
 * }</pre>
 */
public final class ExampleProducer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ExampleProducer.class);

  private final Application app;
  private final Duration interval;
  private final AtomicLong published = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  private ExampleProducer(Application app, Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval is " + interval + ": use a positive duration");
    }
    this.app = app;
    this.interval = interval;
    this.thread = new Thread(this::run, "tidings-example-producer");
    thread.setDaemon(true);
  }

  /** Starts publishing; {@link #close()} stops. */
  public static ExampleProducer start(Application app, Duration interval) {
    ExampleProducer producer = new ExampleProducer(app, interval);
    producer.thread.start();
    return producer;
  }

  /** Orders published so far. */
  public long published() {
    return published.get();
  }

  /** The sample order number {@code n}. */
  public static OrderPlaced order(long n) {
    return new OrderPlaced(
        "o-" + n,
        "customer-" + (n % 3),
        List.of(
            new OrderPlaced.Line("sku-" + (n % 7), 1 + (int) (n % 4), new BigDecimal("9.90")),
            new OrderPlaced.Line("sku-gift", 1, BigDecimal.ZERO)),
        Instant.now(),
        n % 2 == 0 ? Optional.of("please ring twice") : Optional.empty());
  }

  /** The shipment of sample order {@code n}. */
  public static OrderShipped shipment(long n) {
    return new OrderShipped(
        "o-" + n,
        UUID.nameUUIDFromBytes(("o-" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        OrderShipped.Carrier.values()[(int) (n % 3)],
        new OrderShipped.Address("Customer " + n, "Main Street " + n, "Springfield", "US"),
        List.of("parcel-" + n + "-1"),
        Instant.now(),
        LocalDate.now(ZoneOffset.UTC).plusDays(2),
        LocalTime.of(14, 30),
        Duration.ofHours(36).plusMillis(500),
        Set.of(OrderShipped.Service.SIGNATURE));
  }

  private void run() {
    long n = 0;
    while (running) {
      n++;
      try {
        app.publish(n % 2 == 0 ? "orders.us" : "orders.eu", order(n)).join();
        published.incrementAndGet();
        if (n > 1) {
          app.publish(n % 2 == 0 ? "orders.eu" : "orders.us", shipment(n - 1)).join();
        }
      } catch (RuntimeException e) {
        log.warn("publishing sample order {} failed; trying the next one", n, e);
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Stops the loop and waits for the thread, at most {@code 2 * interval + 5 s}. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(interval.multipliedBy(2).plusSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
