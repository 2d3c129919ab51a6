package dev.tidings.worker.internal.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * An example value for a JSON Schema: the first enum value, the lower bound, a string of the format
 * or pattern and length, one item per array, every declared property. Meant to be valid; a
 * pattern this generator cannot satisfy yields a string that is not.
 */
public final class Examples {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 6;

  private final JsonNode document;

  private Examples(JsonNode document) {
    this.document = document;
  }

  /** An example of the whole {@code document}. */
  public static JsonNode of(JsonNode document) {
    return new Examples(document).example(document, 0);
  }

  private JsonNode example(JsonNode schema, int depth) {
    if (schema == null || schema.isBoolean()) {
      return NODES.textNode("any");
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      JsonNode target = ref.startsWith("#") ? document.at(ref.substring(1)) : null;
      return target == null || target.isMissingNode() || depth > MAX_DEPTH ? NODES.nullNode() : example(target, depth + 1);
    }
    if (schema.has("const")) {
      return schema.get("const");
    }
    if (schema.has("enum")) {
      for (JsonNode v : schema.get("enum")) {
        if (!v.isNull()) {
          return v;
        }
      }
      return NODES.nullNode();
    }
    for (String alternative : new String[] {"anyOf", "oneOf", "allOf"}) {
      if (schema.has(alternative)) {
        for (JsonNode branch : schema.get(alternative)) {
          if (!"null".equals(branch.path("type").asText())) {
            return example(branch, depth + 1);
          }
        }
      }
    }
    String type = type(schema);
    switch (type) {
      case "string":
        return NODES.textNode(string(schema));
      case "integer":
        BigDecimal integer = number(schema, true);
        return integer.toBigInteger().bitLength() < 63 ? NODES.numberNode(integer.longValueExact())
            : NODES.numberNode(integer.toBigInteger());
      case "number":
        return NODES.numberNode(number(schema, false).doubleValue());
      case "boolean":
        return NODES.booleanNode(true);
      case "null":
        return NODES.nullNode();
      case "array":
        return array(schema, depth);
      default:
        return object(schema, depth);
    }
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return schema.has("properties") || schema.has("additionalProperties") ? "object" : "string";
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          return t.asText();
        }
      }
      return "null";
    }
    return type.asText();
  }

  private JsonNode array(JsonNode schema, int depth) {
    ArrayNode array = NODES.arrayNode();
    int count = (int) Math.max(schema.path("minItems").asLong(0), depth > MAX_DEPTH ? 0 : 1);
    count = (int) Math.min(count, schema.has("maxItems") ? schema.get("maxItems").asLong() : count);
    for (int i = 0; i < count; i++) {
      array.add(example(schema.get("items"), depth + 1));
    }
    return array;
  }

  private JsonNode object(JsonNode schema, int depth) {
    ObjectNode object = NODES.objectNode();
    JsonNode properties = schema.path("properties");
    for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      object.set(name, example(properties.get(name), depth + 1));
    }
    JsonNode extra = schema.get("additionalProperties");
    if (properties.isEmpty() && extra != null && extra.isObject()) {
      JsonNode names = schema.path("propertyNames").path("enum");
      object.set(names.isArray() && names.size() > 0 ? names.get(0).asText() : "key", example(extra, depth + 1));
    }
    return object;
  }

  private static BigDecimal number(JsonNode schema, boolean integer) {
    BigDecimal value = integer ? BigDecimal.ONE : new BigDecimal("9.99");
    if (schema.has("minimum")) {
      value = schema.get("minimum").decimalValue();
    } else if (schema.has("exclusiveMinimum")) {
      value = schema.get("exclusiveMinimum").decimalValue().add(BigDecimal.ONE);
    } else if (schema.has("maximum") && schema.get("maximum").decimalValue().compareTo(value) < 0) {
      value = schema.get("maximum").decimalValue();
    } else if (schema.has("exclusiveMaximum") && schema.get("exclusiveMaximum").decimalValue().compareTo(value) <= 0) {
      value = schema.get("exclusiveMaximum").decimalValue().subtract(BigDecimal.ONE);
    }
    if (schema.has("multipleOf") && schema.get("multipleOf").decimalValue().signum() > 0) {
      BigDecimal m = schema.get("multipleOf").decimalValue();
      value = value.divide(m, 0, java.math.RoundingMode.CEILING).multiply(m);
    }
    return integer ? value.setScale(0, java.math.RoundingMode.CEILING) : value;
  }

  private static String string(JsonNode schema) {
    String format = schema.path("format").asText("");
    String value = switch (format) {
      case "date-time" -> "2026-01-01T12:00:00Z";
      case "date" -> "2026-01-01";
      case "time" -> "12:00:00Z";
      case "uuid" -> "123e4567-e89b-12d3-a456-426614174000";
      case "uri", "uri-reference", "iri" -> "https://example.com/";
      case "email" -> "someone@example.com";
      default -> "text";
    };
    if (schema.has("pattern")) {
      String generated = RegexSample.of(schema.get("pattern").asText());
      if (generated != null && Pattern.compile(schema.get("pattern").asText()).matcher(generated).find()) {
        value = generated;
      }
    }
    int min = (int) schema.path("minLength").asLong(0);
    StringBuilder padded = new StringBuilder(value);
    while (padded.length() < min) {
      padded.append('x');
    }
    value = padded.toString();
    if (schema.has("maxLength") && value.length() > schema.get("maxLength").asLong()) {
      value = value.substring(0, (int) schema.get("maxLength").asLong());
    }
    return value;
  }
}
