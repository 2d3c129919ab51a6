package dev.tidings.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One object of a configuration file, e.g. {@code transport} or {@code sinks[0].policy}. Every
 * getter that meets a value of the wrong type throws {@link dev.tidings.ConfigurationException}
 * naming the key, the path, the file, the value and the expected type. Immutable.
 */
public interface ConfigSection {
  /** Where this section is in the file: {@code transport}, {@code sinks[0].policy}. */
  String path();

  /** The file (or other source) it was read from, for messages. */
  String source();

  /** A scalar as text (numbers and booleans too). */
  Optional<String> string(String key);

  /**
   * A scalar as text.
   *
   * @throws dev.tidings.ConfigurationException when it is missing, naming key, path and file
   */
  String requireString(String key);

  /** A whole number ({@code 3} or {@code "3"}). */
  Optional<Integer> integer(String key);

  /** {@code true}/{@code false} (also as text). */
  Optional<Boolean> bool(String key);

  /** A duration: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 1d} or ISO-8601 {@code PT10S}. */
  Optional<Duration> duration(String key);

  /** A nested object. */
  Optional<ConfigSection> section(String key);

  /** A list of objects (empty when missing). */
  List<ConfigSection> sections(String key);

  /** A list of scalars, or one scalar as a list of one (empty when missing). */
  List<String> strings(String key);

  /** An object of scalars, e.g. headers (empty when missing); keeps the file's order. */
  Map<String, String> stringMap(String key);

  /** The keys of this section, in the file's order. */
  Set<String> keys();

  /**
   * Refuses keys that are not in {@code allowedKeys}.
   *
   * @throws dev.tidings.ConfigurationException {@code unknown key 'x' in transport (tidings.yaml);
   *     known keys: a, b, c}
   */
  void rejectUnknown(Set<String> allowedKeys);
}
