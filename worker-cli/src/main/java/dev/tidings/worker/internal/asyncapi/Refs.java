package dev.tidings.worker.internal.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Moving a JSON Schema document into another document: its local {@code $ref}s follow it. */
final class Refs {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Refs() {}

  static JsonNode parse(String json, String key) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("the JSON Schema of " + key + " is not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * A copy of {@code schema} without {@code $schema}, whose {@code #...} references point below
   * {@code base} (e.g. {@code #/components/schemas/Order_1}).
   */
  static JsonNode relocate(JsonNode schema, String base) {
    JsonNode copy = schema.deepCopy();
    if (copy.isObject()) {
      ((ObjectNode) copy).remove("$schema");
    }
    rewrite(copy, base);
    return copy;
  }

  private static void rewrite(JsonNode node, String base) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
        object.put("$ref", base + ref.asText().substring(1));
      }
      object.elements().forEachRemaining(child -> rewrite(child, base));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> rewrite(child, base));
    }
  }
}
