package dev.tidings.transport.internal;

import dev.tidings.ConfigurationException;
import dev.tidings.config.ConfigSection;
import dev.tidings.transport.Transport;
import dev.tidings.transport.TransportConfig;
import dev.tidings.transport.TransportFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code type: file}: {@code path} (required), {@code maxBytes} (rotation size, default 100 MiB),
 * {@code fsync} (default true: a send completes after its line is on disk), {@code bufferSize}
 * (lines queued before {@code send} waits, default 10000).
 */
public final class FileTransportFactory implements TransportFactory {
  static final int DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

  @Override
  public String type() {
    return "file";
  }

  @Override
  public Transport create(TransportConfig config) {
    ConfigSection s = config.section();
    s.rejectUnknown(Set.of("type", "path", "maxBytes", "fsync", "bufferSize"));
    Path path = Path.of(s.requireString("path"));
    int maxBytes = s.integer("maxBytes").orElse(DEFAULT_MAX_BYTES);
    int buffer = s.integer("bufferSize").orElse(10_000);
    if (maxBytes < 1024) {
      throw new ConfigurationException("key 'maxBytes' in " + Factories.where(config) + " is " + maxBytes
          + ": use at least 1024 (bytes per file before it is rotated)");
    }
    if (buffer < 1) {
      throw new ConfigurationException("key 'bufferSize' in " + Factories.where(config) + " is " + buffer
          + ": use 1 or more");
    }
    try {
      return new FileTransport(path, maxBytes, s.bool("fsync").orElse(true), buffer);
    } catch (IOException e) {
      throw new ConfigurationException("the file transport of " + Factories.where(config) + " cannot open "
          + path.toAbsolutePath() + ": " + e + "; check that the directory is writable", e);
    }
  }
}
