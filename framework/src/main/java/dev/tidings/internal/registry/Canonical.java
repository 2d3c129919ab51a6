package dev.tidings.internal.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidings.ConfigurationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Canonical JSON text and the first difference between two JSON trees. */
public final class Canonical {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Canonical() {}

  /** Parses {@code json}. @throws ConfigurationException when it is not JSON */
  public static JsonNode tree(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new ConfigurationException("a JSON Schema document is empty: write a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new ConfigurationException("a JSON Schema document is not JSON: " + e.getOriginalMessage()
          + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
    }
  }

  /** The canonical text of {@code json}. */
  public static String text(String json) {
    return text(tree(json));
  }

  /** The canonical text of {@code node}: keys sorted at every level, compact. */
  public static String text(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(sorted(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = MAPPER.createObjectNode();
      for (String name : new TreeSet<>(fieldNames(node))) {
        out.set(name, sorted(node.get(name)));
      }
      return out;
    }
    if (node.isArray()) {
      var out = MAPPER.createArrayNode();
      node.forEach(element -> out.add(sorted(element)));
      return out;
    }
    return node;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The first pointer (keys in sorted order) where {@code a} and {@code b} differ. */
  public static Optional<String> firstDifference(JsonNode a, JsonNode b) {
    return firstDifference(a, b, "");
  }

  private static Optional<String> firstDifference(JsonNode a, JsonNode b, String pointer) {
    if (a == null || b == null) {
      return a == b ? Optional.empty() : Optional.of(pointer);
    }
    if (a.isObject() && b.isObject()) {
      TreeSet<String> names = new TreeSet<>(fieldNames(a));
      names.addAll(fieldNames(b));
      for (String name : names) {
        Optional<String> found = firstDifference(a.get(name), b.get(name), pointer + "/" + escape(name));
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }
    if (a.isArray() && b.isArray()) {
      Iterator<JsonNode> left = a.elements();
      Iterator<JsonNode> right = b.elements();
      for (int i = 0; left.hasNext() || right.hasNext(); i++) {
        Optional<String> found = firstDifference(left.hasNext() ? left.next() : null,
            right.hasNext() ? right.next() : null, pointer + "/" + i);
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }
    return a.equals(b) ? Optional.empty() : Optional.of(pointer);
  }

  /** One JSON pointer reference token (RFC 6901). */
  public static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
