package dev.tidings.internal.asyncapi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An example value for a JSON Schema: the first enum value, the lower bound, a string of the format
 * or pattern and length, one item per array, every declared property. Meant to be valid; a
 * pattern this generator cannot satisfy yields a string that is not.
 */
final class Examples {
  private static final int MAX_DEPTH = 6;

  private final Object document;

  private Examples(Object document) {
    this.document = document;
  }

  /** An example of the whole {@code document}, a parsed schema. */
  static Object of(Object document) {
    return new Examples(document).example(document, 0);
  }

  private Object example(Object node, int depth) {
    if (node == null || node instanceof Boolean) {
      return "any";
    }
    Map<String, Object> schema = Tree.asObject(node);
    if (schema.containsKey("$ref")) {
      String ref = Tree.text(schema.get("$ref"), "");
      Object target = ref.startsWith("#") ? Tree.at(document, ref.substring(1)) : Tree.MISSING;
      return target == Tree.MISSING || depth > MAX_DEPTH ? null : example(target, depth + 1);
    }
    if (schema.containsKey("const")) {
      return Tree.copy(schema.get("const"));
    }
    if (schema.containsKey("enum")) {
      for (Object v : Tree.asArray(schema.get("enum"))) {
        if (v != null) {
          return Tree.copy(v);
        }
      }
      return null;
    }
    for (String alternative : new String[] {"anyOf", "oneOf", "allOf"}) {
      for (Object branch : Tree.asArray(schema.get(alternative))) {
        if (!"null".equals(Tree.text(Tree.get(branch, "type"), ""))) {
          return example(branch, depth + 1);
        }
      }
    }
    switch (type(schema)) {
      case "string":
        return string(schema);
      case "integer":
        BigInteger integer = number(schema, true).toBigInteger();
        return integer.bitLength() < 63 ? (Object) integer.longValueExact() : integer;
      case "number":
        return number(schema, false);
      case "boolean":
        return Boolean.TRUE;
      case "null":
        return null;
      case "array":
        return array(schema, depth);
      default:
        return object(schema, depth);
    }
  }

  private static String type(Map<String, Object> schema) {
    Object type = schema.get("type");
    if (type == null) {
      return schema.containsKey("properties") || schema.containsKey("additionalProperties") ? "object" : "string";
    }
    if (type instanceof List<?> types) {
      for (Object t : types) {
        if (!"null".equals(Tree.text(t, ""))) {
          return Tree.text(t, "");
        }
      }
      return "null";
    }
    return Tree.text(type, "");
  }

  private List<Object> array(Map<String, Object> schema, int depth) {
    List<Object> array = new ArrayList<>();
    int count = (int) Math.max(Tree.asLong(schema.get("minItems"), 0), depth > MAX_DEPTH ? 0 : 1);
    count = (int) Math.min(count, schema.containsKey("maxItems") ? Tree.asLong(schema.get("maxItems"), 0) : count);
    for (int i = 0; i < count; i++) {
      array.add(example(schema.get("items"), depth + 1));
    }
    return array;
  }

  private Map<String, Object> object(Map<String, Object> schema, int depth) {
    Map<String, Object> object = Tree.object();
    Map<String, Object> properties = Tree.asObject(schema.get("properties"));
    properties.forEach((name, property) -> object.put(name, example(property, depth + 1)));
    Object extra = schema.get("additionalProperties");
    if (properties.isEmpty() && extra instanceof Map<?, ?>) {
      List<Object> names = Tree.asArray(Tree.get(schema.get("propertyNames"), "enum"));
      object.put(names.isEmpty() ? "key" : Tree.text(names.get(0), "null"), example(extra, depth + 1));
    }
    return object;
  }

  private static BigDecimal number(Map<String, Object> schema, boolean integer) {
    BigDecimal value = integer ? BigDecimal.ONE : new BigDecimal("9.99");
    if (schema.containsKey("minimum")) {
      value = Tree.decimal(schema.get("minimum"));
    } else if (schema.containsKey("exclusiveMinimum")) {
      value = Tree.decimal(schema.get("exclusiveMinimum")).add(BigDecimal.ONE);
    } else if (schema.containsKey("maximum") && Tree.decimal(schema.get("maximum")).compareTo(value) < 0) {
      value = Tree.decimal(schema.get("maximum"));
    } else if (schema.containsKey("exclusiveMaximum")
        && Tree.decimal(schema.get("exclusiveMaximum")).compareTo(value) <= 0) {
      value = Tree.decimal(schema.get("exclusiveMaximum")).subtract(BigDecimal.ONE);
    }
    if (schema.containsKey("multipleOf") && Tree.decimal(schema.get("multipleOf")).signum() > 0) {
      BigDecimal m = Tree.decimal(schema.get("multipleOf"));
      value = value.divide(m, 0, RoundingMode.CEILING).multiply(m);
    }
    return integer ? value.setScale(0, RoundingMode.CEILING) : value;
  }

  private static String string(Map<String, Object> schema) {
    String format = Tree.text(schema.get("format"), "");
    String value = switch (format) {
      case "date-time" -> "2026-01-01T12:00:00Z";
      case "date" -> "2026-01-01";
      case "time" -> "12:00:00Z";
      case "uuid" -> "123e4567-e89b-12d3-a456-426614174000";
      case "uri", "uri-reference", "iri" -> "https://example.com/";
      case "email" -> "someone@example.com";
      default -> "text";
    };
    if (schema.containsKey("pattern")) {
      String pattern = Tree.text(schema.get("pattern"), "");
      String generated = RegexSample.of(pattern);
      if (generated != null && matches(pattern, generated)) {
        value = generated;
      }
    }
    long min = Tree.asLong(schema.get("minLength"), 0);
    StringBuilder padded = new StringBuilder(value);
    while (padded.length() < min) {
      padded.append('x');
    }
    value = padded.toString();
    if (schema.containsKey("maxLength") && value.length() > Tree.asLong(schema.get("maxLength"), 0)) {
      value = value.substring(0, (int) Tree.asLong(schema.get("maxLength"), 0));
    }
    return value;
  }

  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).find();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
