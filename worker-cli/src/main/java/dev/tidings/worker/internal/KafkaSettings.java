package dev.tidings.worker.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The Kafka client settings of {@code --kafka-settings}: a JSON object, or {@code @file} holding a
 * JSON object ({@code .json}, or any other name) or Java properties ({@code .properties}). They are
 * passed to the producer, the consumers and the admin client untouched. {@link #toString()} masks
 * secrets.
 */
public final class KafkaSettings {
  /** No settings. */
  public static final KafkaSettings NONE = new KafkaSettings(Map.of());

  private final Map<String, Object> values;

  private KafkaSettings(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The settings in the order given. */
  public Map<String, Object> values() {
    return values;
  }

  /**
   * Reads {@code argument}: JSON object text, or {@code @path}.
   *
   * @throws IllegalArgumentException when it cannot be read; the message names the source, never a
   *     value
   */
  public static KafkaSettings parse(String argument) {
    if (argument == null || argument.isBlank()) {
      return NONE;
    }
    String text = argument.trim();
    if (!text.startsWith("@")) {
      return new KafkaSettings(Json.flatObject(text, "--kafka-settings"));
    }
    Path file = Path.of(text.substring(1));
    String source = "--kafka-settings file " + file;
    try {
      if (file.getFileName() != null
          && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".properties")) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          props.load(reader);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        props.stringPropertyNames().stream().sorted().forEach(k -> map.put(k, props.getProperty(k)));
        return new KafkaSettings(map);
      }
      return new KafkaSettings(Json.flatObject(Files.readString(file, StandardCharsets.UTF_8), source));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(source + " does not exist (working directory "
          + Path.of("").toAbsolutePath() + ")");
    } catch (IOException e) {
      throw new IllegalArgumentException(source + " cannot be read: " + e);
    }
  }

  /** Names and values, secrets masked. */
  @Override
  public String toString() {
    return Secrets.describe(values);
  }

  /**
   * picocli converter for {@code --kafka-settings}. It remembers the secret values at once (see
   * {@link Secrets#remember}), so that nothing printed after parsing can show them.
   */
  public static final class Converter implements ITypeConverter<KafkaSettings> {
    @Override
    public KafkaSettings convert(String value) {
      try {
        KafkaSettings settings = parse(value);
        Secrets.remember(settings.values());
        return settings;
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
