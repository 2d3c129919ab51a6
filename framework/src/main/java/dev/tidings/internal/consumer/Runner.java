package dev.tidings.internal.consumer;

import dev.tidings.Health;
import java.time.Duration;

/**
 * What the application needs of a running subscription, classic ({@link SubscriptionRunner}) or
 * queue ({@link ShareRunner}).
 */
public interface Runner {
  /** Starts the subscription's threads. */
  void start();

  /** Asks the subscription to stop gracefully; {@link #awaitStop} waits for it. */
  void stop();

  /** Waits until every thread of the subscription has finished; true when they did within {@code timeout}. */
  boolean awaitStop(Duration timeout) throws InterruptedException;

  /** The subscription's state for health checks. */
  Health.SubscriptionHealth health();
}
