package dev.tidings.logging.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the textual forms of configuration maps: Kafka settings and static fields.
 *
 * <ul>
 *   <li>a JSON object, {@code {"security.protocol":"SSL","linger.ms":20}} (the form the worker's
 *       {@code --kafka-settings} takes); numbers and booleans are passed as their text, which Kafka
 *       parses;
 *   <li>or pairs, {@code key=value;key=value} (also separated by new lines); a value may contain
 *       {@code =} but not {@code ;} (use JSON for a {@code sasl.jaas.config}).
 * </ul>
 */
public final class Settings {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Settings() {}

  /**
   * Parses a JSON object or {@code k=v;k=v} pairs into an ordered map; blank text gives an empty map.
   *
   * @throws IllegalArgumentException saying what is wrong and where
   */
  public static Map<String, String> parse(String text) {
    Map<String, String> result = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return result;
    }
    String t = text.trim();
    if (t.startsWith("{")) {
      JsonNode root;
      try {
        root = JSON.readTree(t);
      } catch (JsonProcessingException e) {
        // the parser's message quotes the text around the error, which may be a password: give the place only
        throw new IllegalArgumentException("is not a valid JSON object (" + location(e) + ")");
      }
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("is not a JSON object");
      }
      for (Map.Entry<String, JsonNode> e : root.properties()) {
        JsonNode v = e.getValue();
        if (!v.isValueNode() || v.isNull()) {
          throw new IllegalArgumentException("has " + e.getKey() + " set to " + (v.isNull() ? "null" : v.isArray()
              ? "an array" : "an object") + ": each value must be a string, a number or a boolean");
        }
        result.put(e.getKey(), v.asText());
      }
      return result;
    }
    for (String part : t.split("[;\\r\\n]+")) {
      if (!part.isBlank()) {
        Map.Entry<String, String> pair = pair(part);
        result.put(pair.getKey(), pair.getValue());
      }
    }
    return result;
  }

  /**
   * An entry that did not parse, without its value (which may be a password): its first word when that looks like a
   * setting name, else its length.
   */
  private static String describe(String text) {
    if (text == null) {
      return "an empty entry";
    }
    String first = text.strip().split("[\\s=:]", 2)[0];
    if (first.matches("[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)+")) {
      return "an entry starting with " + first;
    }
    return "an entry of " + text.length() + " characters";
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "unreadable" : "line " + e.getLocation().getLineNr() + ", column "
        + e.getLocation().getColumnNr();
  }

  /**
   * Parses one {@code key=value} (split at the first {@code =}, both sides trimmed).
   *
   * @throws IllegalArgumentException when there is no {@code =} or the key is empty
   */
  public static Map.Entry<String, String> pair(String text) {
    int eq = text == null ? -1 : text.indexOf('=');
    if (eq <= 0 || text.substring(0, eq).isBlank()) {
      throw new IllegalArgumentException("has " + describe(text) + " that is not key=value: write key=value");
    }
    return Map.entry(text.substring(0, eq).trim(), text.substring(eq + 1).trim());
  }
}
