package dev.tidings.worker.internal.compat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A subschema and its JSON pointer in its document, after following {@code $ref}s that point into
 * the same document ({@code #}, {@code #/$defs/...}); {@code problem} says why a reference could
 * not be followed.
 */
record Located(JsonNode node, String pointer, String problem) {
  private static final int MAX_HOPS = 32;

  static Located resolve(JsonNode document, JsonNode node, String pointer) {
    for (int hops = 0; node != null && node.isObject() && node.has("$ref"); hops++) {
      String ref = node.get("$ref").asText();
      if (hops == MAX_HOPS) {
        return new Located(node, pointer, "a cycle of $refs at " + pointer);
      }
      if (!ref.startsWith("#")) {
        return new Located(node, pointer, "the reference " + ref + " points outside the document");
      }
      String target = decode(ref.substring(1));
      JsonNode found = document.at(target);
      if (found.isMissingNode()) {
        return new Located(node, pointer, "the reference " + ref + " points to nothing");
      }
      if (node.size() > 1) {
        return new Located(node, pointer, "$ref with sibling keywords at " + pointer);
      }
      node = found;
      pointer = target;
    }
    return new Located(node, pointer, null);
  }

  /** A JSON pointer from a URI fragment ({@code %25} decoding). */
  private static String decode(String fragment) {
    return java.net.URLDecoder.decode(fragment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** One reference token (RFC 6901). */
  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
