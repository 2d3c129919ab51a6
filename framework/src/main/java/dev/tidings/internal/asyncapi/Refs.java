package dev.tidings.internal.asyncapi;

import java.util.List;
import java.util.Map;

/** Moving a JSON Schema document into another document: its local {@code $ref}s follow it. */
final class Refs {
  private Refs() {}

  /** The tree of a schema's JSON text, {@code key} naming it in the error. */
  static Object parse(String json, String key) {
    try {
      return JsonText.parse(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the JSON Schema of " + key + " is " + e.getMessage(), e);
    }
  }

  /**
   * A copy of {@code schema} without {@code $schema}, whose {@code #...} references point below
   * {@code base} (e.g. {@code #/components/schemas/Order_1}).
   */
  static Object relocate(Object schema, String base) {
    Object copy = Tree.copy(schema);
    if (copy instanceof Map<?, ?> map) {
      map.remove("$schema");
    }
    rewrite(copy, base);
    return copy;
  }

  private static void rewrite(Object node, String base) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> object = Tree.asObject(map);
      if (object.get("$ref") instanceof String ref && ref.startsWith("#")) {
        object.put("$ref", base + ref.substring(1));
      }
      object.values().forEach(child -> rewrite(child, base));
    } else if (node instanceof List<?> list) {
      list.forEach(child -> rewrite(child, base));
    }
  }
}
