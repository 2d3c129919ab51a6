package dev.tidings.examples;

import dev.tidings.PublishException;
import dev.tidings.config.ConfigSection;
import dev.tidings.transport.Delivery;
import dev.tidings.transport.OutgoingMessage;
import dev.tidings.transport.Transport;
import dev.tidings.transport.TransportConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A custom transport: each stream's envelopes, one per line, in a file of its own ({@code
 * <directory>/<stream>.jsonl}). Loaded by its class name from the configuration file:
 *
 * <pre>
 * transport:
 *   type: dev.tidings.examples.StreamDirectoryTransport
 *   directory: build/streams
 * </pre>
 *
 * <p>A class named as a transport type needs a public constructor taking the {@link
 * TransportConfig} (or it is a {@link dev.tidings.transport.TransportFactory} with a no-argument
 * constructor). Sends complete in the caller's thread once the line is written.
 */
public final class StreamDirectoryTransport implements Transport {
  private final Path directory;
  private final Map<String, Long> lines = new HashMap<>();

  /** Reads {@code directory} (required) and refuses other keys, like the built-in transports. */
  public StreamDirectoryTransport(TransportConfig config) {
    ConfigSection section = config.section();
    section.rejectUnknown(Set.of("type", "directory"));
    this.directory = Path.of(section.requireString("directory"));
  }

  @Override
  public synchronized CompletionStage<Delivery> send(OutgoingMessage message) {
    Path file = directory.resolve(message.stream() + ".jsonl");
    try {
      Files.createDirectories(directory);
      byte[] line = (new String(message.envelope(), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
      Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(new PublishException("cannot append to " + file + ": " + e, true, e));
    }
    long number = lines.merge(message.stream(), 1L, Long::sum);
    return CompletableFuture.completedFuture(Delivery.line("stream-directory", file.toString(), number));
  }

  @Override
  public boolean flush(Duration timeout) {
    return true;
  }

  @Override
  public String type() {
    return "stream-directory";
  }

  @Override
  public void close() {}
}
