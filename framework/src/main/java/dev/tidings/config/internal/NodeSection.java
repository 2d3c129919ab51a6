package dev.tidings.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidings.ConfigurationException;
import dev.tidings.config.ConfigSection;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A {@link ConfigSection} over a Jackson object tree. */
public final class NodeSection implements ConfigSection {
  private final ObjectNode node;
  private final String path;
  private final String source;

  public NodeSection(ObjectNode node, String path, String source) {
    this.node = node;
    this.path = path;
    this.source = source;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public Optional<String> string(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isValueNode()) {
      throw wrongType(key, value, "a text value");
    }
    return Optional.of(value.asText());
  }

  @Override
  public String requireString(String key) {
    return string(key).filter(s -> !s.isBlank()).orElseThrow(() -> new ConfigurationException(
        "missing key '" + key + "' in " + where() + ": add '" + key + ": <value>' to " + describe()));
  }

  @Override
  public Optional<Integer> integer(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return Optional.of(value.intValue());
    }
    if (value.isTextual()) {
      try {
        return Optional.of(Integer.parseInt(value.asText().trim()));
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw wrongType(key, value, "a whole number such as 100");
  }

  @Override
  public Optional<Boolean> bool(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isBoolean()) {
      return Optional.of(value.booleanValue());
    }
    if (value.isTextual()) {
      String text = value.asText().trim().toLowerCase(Locale.ROOT);
      if (text.equals("true") || text.equals("false")) {
        return Optional.of(Boolean.parseBoolean(text));
      }
    }
    throw wrongType(key, value, "true or false");
  }

  @Override
  public Optional<Duration> duration(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    Duration parsed = value.isTextual() ? parseDuration(value.asText().trim()) : null;
    if (parsed == null || parsed.isNegative()) {
      throw wrongType(key, value, "a duration such as 500ms, 10s, 2m, 1h or PT10S");
    }
    return Optional.of(parsed);
  }

  /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 1d}, ISO-8601; {@code null} when none of these. */
  static Duration parseDuration(String text) {
    if (text.isEmpty()) {
      return null;
    }
    if (text.charAt(0) == 'P' || text.charAt(0) == 'p') {
      try {
        return Duration.parse(text.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int unitStart = 0;
    while (unitStart < lower.length() && (Character.isDigit(lower.charAt(unitStart)))) {
      unitStart++;
    }
    if (unitStart == 0 || unitStart > 12) {
      return null;
    }
    long amount = Long.parseLong(lower.substring(0, unitStart));
    switch (lower.substring(unitStart).trim()) {
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
      case "min":
        return Duration.ofMinutes(amount);
      case "h":
        return Duration.ofHours(amount);
      case "d":
        return Duration.ofDays(amount);
      default:
        return null;
    }
  }

  @Override
  public Optional<ConfigSection> section(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      throw wrongType(key, value, "an object of 'key: value' lines");
    }
    return Optional.of(new NodeSection((ObjectNode) value, child(key), source));
  }

  @Override
  public List<ConfigSection> sections(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw wrongType(key, value, "a list of objects ('- type: ...' entries)");
    }
    List<ConfigSection> out = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode entry = value.get(i);
      if (!entry.isObject()) {
        throw wrongType(key + "[" + i + "]", entry, "an object");
      }
      out.add(new NodeSection((ObjectNode) entry, child(key) + "[" + i + "]", source));
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public List<String> strings(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (value.isValueNode()) {
      return List.of(value.asText());
    }
    if (!value.isArray()) {
      throw wrongType(key, value, "a list of text values");
    }
    List<String> out = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode entry = value.get(i);
      if (!entry.isValueNode() || entry.isNull()) {
        throw wrongType(key + "[" + i + "]", entry, "a text value");
      }
      out.add(entry.asText());
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public Map<String, String> stringMap(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw wrongType(key, value, "an object of 'name: value' lines");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw wrongType(key + "." + e.getKey(), e.getValue(), "a text value");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return Collections.unmodifiableMap(out);
  }

  @Override
  public Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>();
    node.fieldNames().forEachRemaining(keys::add);
    return Collections.unmodifiableSet(keys);
  }

  @Override
  public void rejectUnknown(Set<String> allowedKeys) {
    for (String key : keys()) {
      if (!allowedKeys.contains(key)) {
        throw new ConfigurationException("unknown key '" + key + "' in " + where() + "; known keys: "
            + String.join(", ", new TreeSet<>(allowedKeys)));
      }
    }
  }

  private ConfigurationException wrongType(String key, JsonNode value, String expected) {
    String lower = key.toLowerCase(Locale.ROOT);
    boolean secret = lower.contains("token") || lower.contains("password") || lower.contains("secret");
    String shown = !value.isValueNode() ? "a " + typeName(value) : secret ? "'****' (masked)" : "'" + value.asText() + "'";
    return new ConfigurationException("key '" + key + "' in " + where() + " is " + shown + ": expected "
        + expected);
  }

  private String where() {
    return (path.isEmpty() ? "the top level" : path) + " (" + source + ")";
  }

  private String describe() {
    return path.isEmpty() ? "the top level of " + source : "section " + path + " of " + source;
  }

  private String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String typeName(JsonNode node) {
    if (node.isObject()) {
      return "object";
    }
    if (node.isArray()) {
      return "list";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isBoolean()) {
      return "boolean";
    }
    return node.isNull() ? "null" : "text";
  }

  @Override
  public String toString() {
    return "ConfigSection[" + (path.isEmpty() ? "<top>" : path) + " in " + source + ", keys " + keys() + "]";
  }
}
