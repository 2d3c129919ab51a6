package dev.tidings.worker.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidings.Health;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The worker's JSON: Kafka settings given as JSON, health bodies, envelopes built by {@code publish}. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * Reads a flat JSON object of Kafka settings. Strings, numbers and booleans are kept as such;
   * arrays become comma-separated lists (Kafka's list syntax). Error messages never quote values,
   * which may be secrets.
   *
   * @param source where the text came from, for messages ({@code --kafka-settings}, a file name)
   * @throws IllegalArgumentException when the text is not such an object
   */
  static Map<String, Object> flatObject(String text, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new IllegalArgumentException(source + " is not valid JSON" + where
          + ": give a JSON object such as {\"security.protocol\": \"SSL\"}, or @file.json / @file.properties");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(source + " is not a JSON object: give one such as"
          + " {\"security.protocol\": \"SSL\"}, or @file.json / @file.properties");
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      settings.put(field.getKey(), scalar(field.getKey(), field.getValue(), source));
    }
    return settings;
  }

  private static Object scalar(String name, JsonNode value, String source) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.canConvertToInt() ? (Object) value.intValue() : (Object) value.longValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      for (JsonNode item : value) {
        if (!item.isValueNode() || item.isNull()) {
          throw new IllegalArgumentException(source + ": setting " + name
              + " is a list with a nested value; Kafka lists hold plain values");
        }
        items.add(item.asText());
      }
      return String.join(",", items);
    }
    throw new IllegalArgumentException(source + ": setting " + name + " is " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
        + "; Kafka settings are flat name/value pairs with string, number or boolean values");
  }

  /**
   * The health as a JSON body: status, live, ready and one object per subscription (its lag per
   * partition, and its records in flight inside Tidings as one number).
   */
  static byte[] health(Health health) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", health.ready() ? "UP" : health.live() ? "NOT_READY" : "DOWN");
    body.put("live", health.live());
    body.put("ready", health.ready());
    List<Map<String, Object>> subs = new ArrayList<>();
    for (Health.SubscriptionHealth s : health.subscriptions()) {
      Map<String, Object> sub = new LinkedHashMap<>();
      sub.put("group", s.group());
      sub.put("target", s.target());
      sub.put("state", s.state().name());
      sub.put("assignedPartitions", s.assignedPartitions());
      sub.put("lag", new TreeMap<>(s.lag()));
      sub.put("inFlight", s.inFlightRecords());
      sub.put("lastError", s.lastError() == null ? null : Secrets.mask(s.lastError()));
      subs.add(sub);
    }
    body.put("subscriptions", subs);
    return write(body);
  }

  /** A one-field JSON object, e.g. an error body. */
  static byte[] object(String field, String value) {
    return write(Map.of(field, value));
  }

  /**
   * Wraps data in an envelope {@code {"schema": key, "data": ...}}.
   *
   * @throws IllegalArgumentException when {@code data} is not JSON
   */
  static byte[] envelope(String schemaKey, String data) {
    JsonNode parsed;
    try {
      parsed = MAPPER.readTree(data);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new IllegalArgumentException("the data is not JSON"
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
          + ": " + e.getOriginalMessage());
    }
    if (parsed == null) {
      throw new IllegalArgumentException("the data is empty: give a JSON value such as {\"field\": 1}");
    }
    ObjectNode envelope = MAPPER.createObjectNode();
    envelope.put("schema", schemaKey);
    envelope.set("data", parsed);
    return write(envelope);
  }

  /** Reads a JSON document into a tree (for tests and tools). */
  static JsonNode read(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write JSON: " + e.getOriginalMessage(), e);
    }
  }
}
