package dev.tidings.http.sink;

import dev.tidings.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A secret (token, password, client secret) read from an environment variable or a file when it is
 * needed, so that configuration holds only where it is. {@link #toString()} names the source, never the
 * value; the sink never logs or publishes a value.
 */
public final class Secret {
  private final String source;
  private final Supplier<String> reader;

  private Secret(String source, Supplier<String> reader) {
    this.source = source;
    this.reader = reader;
  }

  /** The value of environment variable {@code name}, read on use. */
  public static Secret env(String name) {
    return env(name, System.getenv());
  }

  /** The value of {@code name} in {@code environment} (for tests and configuration loaders). */
  public static Secret env(String name, Map<String, String> environment) {
    Objects.requireNonNull(name, "name");
    Map<String, String> env = Map.copyOf(environment);
    return new Secret("environment variable " + name, () -> {
      String value = env.get(name);
      if (value == null || value.isEmpty()) {
        throw new ConfigurationException("environment variable " + name + " is not set (or empty): the HTTP sink"
            + " reads a secret from it; set it, or configure the secret from a file");
      }
      return value;
    });
  }

  /** The content of {@code file} (UTF-8, surrounding whitespace removed), read on every use so rotation works. */
  public static Secret file(Path file) {
    Objects.requireNonNull(file, "file");
    return new Secret("file " + file, () -> {
      try {
        String value = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (value.isEmpty()) {
          throw new ConfigurationException("secret file " + file + " is empty: write the secret into it");
        }
        return value;
      } catch (IOException e) {
        throw new ConfigurationException("cannot read secret file " + file + " (" + e + "): check the path and"
            + " its permissions", e);
      }
    });
  }

  /** A literal value, for code and tests; prefer {@link #env} or {@link #file} in configuration. */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    return new Secret("a literal value", () -> value);
  }

  /**
   * The secret's value.
   *
   * @throws ConfigurationException (fatal) when the variable is unset or the file cannot be read
   */
  public String reveal() {
    return reader.get();
  }

  /** Where the secret comes from, never its value. */
  @Override
  public String toString() {
    return "Secret(" + source + ")";
  }
}
