package dev.tidings.transport.internal;

import dev.tidings.ConfigurationException;
import dev.tidings.transport.Delivery;
import dev.tidings.transport.JsonLines;
import dev.tidings.transport.OutgoingMessage;
import dev.tidings.transport.Transport;
import dev.tidings.transport.TransportConfig;
import dev.tidings.transport.TransportFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code type: console}: the file transport's JSON lines on standard output ({@code target: stdout},
 * the default) or standard error ({@code target: stderr}), written and flushed in the caller's thread.
 */
public final class ConsoleTransport implements Transport {
  private final PrintStream out;
  private final String name;
  private long lines;

  public ConsoleTransport(PrintStream out, String name) {
    this.out = out;
    this.name = name;
  }

  @Override
  public CompletionStage<Delivery> send(OutgoingMessage message) {
    byte[] line = JsonLines.encode(message);
    long number;
    synchronized (this) {
      try {
        out.write(line);
      } catch (IOException e) {
        return CompletableFuture.failedFuture(
            new dev.tidings.PublishException("writing to " + name + " failed: " + e, true, e));
      }
      out.flush();
      number = ++lines;
    }
    return CompletableFuture.completedFuture(Delivery.line("console", name, number));
  }

  @Override
  public boolean flush(Duration timeout) {
    out.flush();
    return true;
  }

  @Override
  public String type() {
    return "console";
  }

  @Override
  public void close() {
    out.flush();
  }

  /** The factory of {@code type: console}. */
  public static final class Factory implements TransportFactory {
    @Override
    public String type() {
      return "console";
    }

    @Override
    public Transport create(TransportConfig config) {
      config.section().rejectUnknown(Set.of("type", "target"));
      String target = config.section().string("target").orElse("stdout");
      switch (target) {
        case "stdout":
          return new ConsoleTransport(System.out, "stdout");
        case "stderr":
          return new ConsoleTransport(System.err, "stderr");
        default:
          throw new ConfigurationException("key 'target' in " + Factories.where(config) + " is '" + target
              + "': use stdout or stderr");
      }
    }
  }
}
