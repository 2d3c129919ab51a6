package dev.tidings.worker.internal;

import dev.tidings.testkit.EmbeddedKafka;
import java.util.concurrent.Callable;

/**
 * The single-node broker of {@code --dev}: the testkit's in-process KRaft broker, with its data in
 * a temporary directory that is deleted when it stops.
 *
 * <p>{@link EmbeddedKafka} installs a shutdown hook of its own that closes the broker, and the JVM
 * runs shutdown hooks concurrently: on SIGTERM the broker would go away while the application is
 * still finishing records, committing and leaving its groups. {@link #runThenClose} therefore holds
 * the broker's monitor (the one its synchronized {@code close()} takes) for the whole run and closes
 * the broker itself, after the application; the testkit's hook waits for the monitor and then finds
 * the broker closed.
 */
public final class DevBroker {
  private final EmbeddedKafka kafka;

  private DevBroker(EmbeddedKafka kafka) {
    this.kafka = kafka;
  }

  /**
   * Starts a broker on {@code port} (0 for a free port).
   *
   * @throws WorkerException when it does not start
   */
  public static DevBroker start(int port) {
    try {
      EmbeddedKafka.Builder builder = EmbeddedKafka.builder();
      if (port != 0) {
        builder.port(port);
      }
      return new DevBroker(builder.start());
    } catch (RuntimeException e) {
      throw new WorkerException(ExitCode.FAILURE, "the embedded dev broker did not start: " + e.getMessage(), e);
    }
  }

  /** {@code 127.0.0.1:<port>}. */
  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** Runs {@code body}, then stops the broker, holding the broker's monitor throughout. */
  public <T> T runThenClose(Callable<T> body) throws Exception {
    synchronized (kafka) {
      try {
        return body.call();
      } finally {
        kafka.close();
      }
    }
  }
}
