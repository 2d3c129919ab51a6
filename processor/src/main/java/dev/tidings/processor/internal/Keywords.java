package dev.tidings.processor.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the keywords of a derived schema (the maps {@link SchemaDeriver} builds) for the generated
 * check. A keyword the check does not model makes it give up ({@link CheckDeriver.NoCheck}), so a
 * new keyword in the deriver can make a check disappear, never make it wrong.
 */
final class Keywords {
  private Keywords() {}

  /** A schema split into whether it allows {@code null} and the schema of the other values. */
  record Nullable(boolean allowsNull, Map<String, Object> schema) {}

  /**
   * Undoes {@link TypeShapes#nullable}: {@code "type": [T, "null"]} (with {@code null} among the
   * {@code enum} values) or {@code anyOf: [S, {"type": "null"}]}. The empty schema allows anything.
   */
  static Nullable nullable(Map<String, Object> schema) {
    if (schema.isEmpty()) {
      return new Nullable(true, schema);
    }
    if (schema.get("type") instanceof List<?> types) {
      if (types.size() != 2 || !"null".equals(types.get(1)) || !(types.get(0) instanceof String type)) {
        throw new CheckDeriver.NoCheck("the type list " + types + " is not one type or null");
      }
      Map<String, Object> inner = new LinkedHashMap<>(schema);
      inner.put("type", type);
      if (inner.get("enum") instanceof List<?> values) {
        List<Object> rest = new ArrayList<>(values);
        rest.remove(null);
        inner.put("enum", rest);
      }
      return new Nullable(true, inner);
    }
    if (schema.size() == 1 && schema.get("anyOf") instanceof List<?> anyOf && anyOf.size() == 2
        && Map.of("type", "null").equals(anyOf.get(1))) {
      return new Nullable(true, map(anyOf.get(0), "anyOf"));
    }
    return new Nullable(false, schema);
  }

  /** Gives up unless every keyword of {@code schema} is one of {@code known}. */
  static void only(Map<String, Object> schema, Set<String> known, String path) {
    for (String keyword : schema.keySet()) {
      if (!known.contains(keyword)) {
        throw new CheckDeriver.NoCheck("the schema of " + path + " has the keyword " + keyword
            + ", which the check does not model");
      }
    }
  }

  /** Gives up unless {@code schema} has {@code keyword} equal to {@code expected}. */
  static void expect(Map<String, Object> schema, String keyword, Object expected, String path) {
    if (!expected.equals(schema.get(keyword))) {
      throw new CheckDeriver.NoCheck("the schema of " + path + " has " + keyword + " "
          + schema.get(keyword) + " where the check expects " + expected);
    }
  }

  /**
   * A bound ({@code minimum}, ...) as the validator compares with it, {@code null} when absent. The
   * framework reads the schema with Jackson's defaults, so a bound with a fraction becomes the
   * nearest double and the validator compares with that double's text: {@code 0.30000000000000001}
   * is {@code 0.3}. Whole numbers, written without a fraction, stay exact.
   */
  static BigDecimal bound(Map<String, Object> schema, String keyword) {
    Object value = schema.get(keyword);
    if (value == null) {
      return null;
    }
    if (value instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (value instanceof BigDecimal d) {
      if (d.scale() <= 0) {
        return d;
      }
      double read = Double.parseDouble(d.toPlainString());
      if (!Double.isFinite(read)) {
        throw new CheckDeriver.NoCheck(keyword + " " + d.toPlainString() + " is beyond a double");
      }
      return new BigDecimal(Double.toString(read));
    }
    throw new CheckDeriver.NoCheck(keyword + " " + value + " is not a number");
  }

  /** A count keyword ({@code minLength}, {@code maxItems}, ...), {@code -1} when absent. */
  static long count(Map<String, Object> schema, String keyword) {
    Object value = schema.get(keyword);
    if (value == null) {
      return -1;
    }
    if (value instanceof Long l && l >= 0) {
      return l;
    }
    throw new CheckDeriver.NoCheck(keyword + " " + value + " is not a count");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value, String keyword) {
    if (value instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new CheckDeriver.NoCheck(keyword + " is not a schema object");
  }
}
