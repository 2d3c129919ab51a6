package dev.tidings.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidings.RegisteredSchema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The value of a registry record: {@code {"application":"...","registeredAt":"...","schema":{...}}}
 * (canonical: keys sorted), keyed by {@code id:version} in UTF-8.
 */
final class Entries {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Entries() {}

  static byte[] value(String canonicalSchema, String application, Instant registeredAt) {
    ObjectNode value = MAPPER.createObjectNode();
    value.put("application", application);
    value.put("registeredAt", registeredAt.toString());
    value.set("schema", Canonical.tree(canonicalSchema));
    return Canonical.text(value).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The entry of one record.
   *
   * @throws IllegalArgumentException saying what is wrong when it is not a registry entry
   */
  static RegisteredSchema parse(byte[] key, byte[] value) {
    if (key == null) {
      throw new IllegalArgumentException("the record has no key (expected id:version)");
    }
    String keyText = new String(key, StandardCharsets.UTF_8);
    int colon = keyText.lastIndexOf(':');
    if (colon <= 0 || !keyText.substring(colon + 1).matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException("the key '" + keyText + "' is not id:version");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(value);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("the value of " + keyText + " is not JSON: " + e.getMessage());
    }
    if (node == null || !node.isObject() || !node.path("schema").isObject()
        || !node.path("application").isTextual() || !node.path("registeredAt").isTextual()) {
      throw new IllegalArgumentException("the value of " + keyText
          + " is not {\"schema\":{...},\"application\":\"...\",\"registeredAt\":\"...\"}");
    }
    Instant at;
    try {
      at = Instant.parse(node.get("registeredAt").asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("registeredAt of " + keyText + " is not an ISO-8601 instant: "
          + node.get("registeredAt").asText());
    }
    return new RegisteredSchema(keyText, Canonical.text(node.get("schema")), node.get("application").asText(), at);
  }
}
