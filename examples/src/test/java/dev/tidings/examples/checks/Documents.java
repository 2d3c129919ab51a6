package dev.tidings.examples.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random JSON documents for a JSON Schema, as text: mostly close to valid, biased to the edges
 * (bounds and one past them, unicode, escapes, huge and non-finite numbers, non-canonical dates and
 * ids, {@code 1.0} for integers), and mutated now and then (a missing required or an unknown
 * property, a duplicate key, {@code null}, a value of the wrong type, whitespace; unknown
 * properties are counted in {@link #unknownProperties}). Writing text
 * rather than a tree is what makes duplicate keys and escapes possible.
 */
final class Documents {
  private static final String[] STRINGS = {"", " ", "a", "ab", "abc", "abcd", "abcde", "abcdef", "  x ", "x ",
      "é", "日本語", "😀", "😀😀", "a😀b", "\u0000", "line\nbreak", "quote\"s", "back\\slash", "tab\t", "ab-12",
      "x-1", "abc-1234", "AB-12", "-1", "SHOUT", "Shout", "RED", "red", "PURPLE", "123", "true"};
  private static final String[] INTEGERS = {"0", "1", "-1", "2", "3", "5", "9", "10", "11", "-5", "-6", "-0",
      "2147483647", "2147483648", "-2147483648", "-2147483649", "5000000000", "5000000001", "9223372036854775807",
      "-9223372036854775808", "9223372036854775808", "123456789012345678901234567890", "1.0", "1e2", "0.5"};
  private static final String[] NUMBERS = {"0", "0.0", "-0.0", "1", "1.0", "2", "2.0000000000000001", "0.5", "0.3",
      "0.30000000000000001", "0.29999999999999998", "0.1", "1e-320", "1.7976931348623157e308", "1e400", "-1e400",
      "1E2", "12345678901234567890", "99.99", "0.000001", "-1", "-0.5", "3", "2147483648", "4.9e-324", "1.5e300"};
  private static final String[] INSTANTS = {"2024-01-01T00:00:00Z", "2024-02-29T12:30:45.123Z",
      "2024-02-29T12:30:45.123456789Z", "1970-01-01T00:00:00Z", "2024-01-01T00:00:00.000Z",
      "2024-01-01T00:00:00+01:00", "2024-01-01T00:00:00z", "2024-01-01 00:00:00Z", "2024-13-01T00:00:00Z",
      "+10000-01-01T00:00:00Z", "2024-01-01T00:00Z", "2024-01-01T23:59:60Z", "yesterday"};
  private static final String[] DATES = {"2024-02-29", "0001-01-01", "9999-12-31", "2024-12-31", "2023-02-29",
      "2024-2-3", "+12024-01-01", "2024-01-01Z"};
  private static final String[] UUIDS = {"123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000",
      "00000000-0000-0000-0000-000000000000", "123e4567e89b12d3a456426614174000", "1-2-3-4-5", "not-a-uuid"};
  private static final String[] WRONG = {"null", "\"x\"", "1", "1.5", "true", "[]", "{}", "\"1\"", "[1]", "{\"a\":1}"};
  private static final String[] KEYS = {"a", "b", "é", "k1", "", "😀", "a"};

  private final SplittableRandom random;
  private final JsonNode root;
  /** Deliberate mutations in the last document (not counting edge values). */
  int mutations;
  /** Properties no record declares, added to the objects of records in the last document. */
  int unknownProperties;
  /**
   * Keys written twice in one object of the last document (properties and map keys): a JSON tree
   * keeps the last value, so an unknown property in the first one may vanish.
   */
  int duplicateKeys;
  /** Whether the current document gets no deliberate mutation (edge values still). */
  private boolean clean;

  Documents(long seed, JsonNode root) {
    this.random = new SplittableRandom(seed);
    this.root = root;
  }

  String next() {
    mutations = 0;
    unknownProperties = 0;
    duplicateKeys = 0;
    clean = chance(50);
    StringBuilder out = new StringBuilder();
    value(root, out, 0);
    return out.toString();
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  /** A deliberate mutation, never in a clean document. */
  private boolean mutate(int percent) {
    return !clean && chance(percent);
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private void space(StringBuilder out) {
    if (chance(3)) {
      out.append(pick(new String[] {" ", "\n", "\t", "  \r\n"}));
    }
  }

  private void value(JsonNode schema, StringBuilder out, int depth) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      schema = ref.equals("#") ? root : root.get("$defs").get(ref.substring("#/$defs/".length()));
    }
    if (schema.has("anyOf")) {
      if (chance(15)) {
        out.append("null");
        return;
      }
      schema = schema.get("anyOf").get(0);
      if (schema.has("$ref")) {
        value(schema, out, depth);
        return;
      }
    }
    String type = schema.path("type").asText(null);
    if (schema.path("type").isArray()) {
      if (chance(15)) {
        out.append("null");
        return;
      }
      type = schema.get("type").get(0).asText();
    }
    if (mutate(2)) {
      mutations++;
      out.append(pick(WRONG));
      return;
    }
    if (type == null) {
      out.append(pick(WRONG));
      return;
    }
    switch (type) {
      case "object" -> {
        if (schema.has("properties")) {
          object(schema, out, depth);
        } else {
          map(schema, out, depth);
        }
      }
      case "array" -> array(schema, out, depth);
      case "string" -> string(schema, out);
      case "integer" -> out.append(chance(10) ? bound(schema) : chance(85) ? fitting(schema, INTEGERS) : pick(INTEGERS));
      case "number" -> out.append(chance(10) ? bound(schema) : chance(85) ? fitting(schema, NUMBERS) : pick(NUMBERS));
      case "boolean" -> out.append(random.nextBoolean());
      default -> out.append(pick(WRONG));
    }
  }

  /** A number of {@code pool} within the schema's bounds (as decimals), or any when none is. */
  private String fitting(JsonNode schema, String[] pool) {
    List<String> fit = new ArrayList<>();
    for (String candidate : pool) {
      java.math.BigDecimal v = new java.math.BigDecimal(candidate);
      if ((!schema.has("minimum") || v.compareTo(schema.get("minimum").decimalValue()) >= 0)
          && (!schema.has("maximum") || v.compareTo(schema.get("maximum").decimalValue()) <= 0)
          && (!schema.has("exclusiveMinimum") || v.compareTo(schema.get("exclusiveMinimum").decimalValue()) > 0)
          && (!schema.has("exclusiveMaximum") || v.compareTo(schema.get("exclusiveMaximum").decimalValue()) < 0)
          && (!"integer".equals(schema.path("type").asText()) || candidate.matches("-?[0-9]+"))) {
        fit.add(candidate);
      }
    }
    return fit.isEmpty() ? pick(pool) : fit.get(random.nextInt(fit.size()));
  }

  /** A string of the pool whose length and pattern fit the schema (as Java sees them), or any. */
  private String fittingString(JsonNode schema) {
    List<String> fit = new ArrayList<>();
    for (String candidate : STRINGS) {
      int length = candidate.codePointCount(0, candidate.length());
      boolean ok = length >= schema.path("minLength").asInt(0) && length <= schema.path("maxLength").asInt(Integer.MAX_VALUE);
      for (JsonNode pattern : patterns(schema)) {
        ok &= java.util.regex.Pattern.compile(pattern.asText()).matcher(candidate).find();
      }
      if (ok) {
        fit.add(candidate);
      }
    }
    return fit.isEmpty() ? pick(STRINGS) : fit.get(random.nextInt(fit.size()));
  }

  private static List<JsonNode> patterns(JsonNode schema) {
    List<JsonNode> patterns = new ArrayList<>();
    if (schema.has("pattern")) {
      patterns.add(schema.get("pattern"));
    }
    schema.path("allOf").forEach(s -> {
      if (s.has("pattern")) {
        patterns.add(s.get("pattern"));
      }
    });
    return patterns;
  }

  /** A bound of the schema, or one next to it. */
  private String bound(JsonNode schema) {
    List<String> bounds = new ArrayList<>();
    for (String keyword : List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")) {
      if (schema.has(keyword)) {
        JsonNode b = schema.get(keyword);
        bounds.add(b.asText());
        if (b.isIntegralNumber()) {
          bounds.add(b.bigIntegerValue().add(java.math.BigInteger.ONE).toString());
          bounds.add(b.bigIntegerValue().subtract(java.math.BigInteger.ONE).toString());
        } else {
          bounds.add(Double.toString(Math.nextUp(b.doubleValue())));
          bounds.add(Double.toString(Math.nextDown(b.doubleValue())));
        }
      }
    }
    return bounds.isEmpty() ? "0" : bounds.get(random.nextInt(bounds.size()));
  }

  private void object(JsonNode schema, StringBuilder out, int depth) {
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(n -> required.add(n.asText()));
    List<Map.Entry<String, JsonNode>> properties = new ArrayList<>();
    schema.get("properties").properties().forEach(properties::add);
    if (chance(30)) {
      Collections.shuffle(properties, new java.util.Random(random.nextLong()));
    }
    List<String> members = new ArrayList<>();
    for (Map.Entry<String, JsonNode> p : properties) {
      boolean isRequired = required.contains(p.getKey());
      if (isRequired ? mutate(3) : (depth > 2 || chance(40))) {
        if (isRequired) {
          mutations++;
        }
        continue;
      }
      members.add(member(p.getKey(), p.getValue(), depth));
      if (mutate(2)) {
        mutations++;
        duplicateKeys++;
        members.add(member(p.getKey(), p.getValue(), depth)); // a duplicate key
      }
    }
    if (mutate(3)) {
      mutations++;
      unknownProperties++;
      members.add(random.nextInt(members.size() + 1), quote("unknown" + random.nextInt(3)) + ":" + pick(WRONG));
    }
    out.append('{');
    space(out);
    out.append(String.join(",", members));
    space(out);
    out.append('}');
  }

  private String member(String name, JsonNode schema, int depth) {
    StringBuilder m = new StringBuilder(quote(name));
    space(m);
    m.append(':');
    space(m);
    value(schema, m, depth + 1);
    return m.toString();
  }

  private void map(JsonNode schema, StringBuilder out, int depth) {
    int n = size(schema, "minProperties", "maxProperties", depth);
    boolean distinct = chance(80);
    java.util.Set<String> keys = new java.util.HashSet<>();
    out.append('{');
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append(',');
      }
      String key = distinct ? KEYS[i % KEYS.length] + (i >= KEYS.length ? i : "") : pick(KEYS);
      if (!keys.add(key)) {
        duplicateKeys++;
      }
      out.append(quote(key)).append(':');
      value(schema.get("additionalProperties"), out, depth + 1);
    }
    out.append('}');
  }

  private void array(JsonNode schema, StringBuilder out, int depth) {
    int n = size(schema, "minItems", "maxItems", depth);
    out.append('[');
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append(',');
        space(out);
      }
      value(schema.get("items"), out, depth + 1);
    }
    out.append(']');
  }

  /** A size within the schema's bounds mostly, any from 0 to 4 otherwise; small when deep. */
  private int size(JsonNode schema, String minKeyword, String maxKeyword, int depth) {
    int min = schema.path(minKeyword).asInt(0);
    if (depth > 3) {
      return min; // recursive schemas stay finite
    }
    int max = Math.min(schema.path(maxKeyword).asInt(4), depth > 1 ? Math.max(min, 1) : 4);
    if (chance(80) && min <= max) {
      return min + random.nextInt(max - min + 1);
    }
    return random.nextInt(5);
  }

  private void string(JsonNode schema, StringBuilder out) {
    String format = schema.path("format").asText("");
    String s;
    if (schema.has("enum") && chance(85)) {
      JsonNode values = schema.get("enum");
      JsonNode v = values.get(random.nextInt(values.size()));
      s = v.isNull() ? "RED" : v.asText();
    } else if (format.equals("date-time") && chance(90)) {
      s = chance(75) ? INSTANTS[random.nextInt(4)] : pick(INSTANTS);
    } else if (format.equals("date") && chance(90)) {
      s = chance(75) ? DATES[random.nextInt(4)] : pick(DATES);
    } else if (format.equals("uuid") && chance(90)) {
      s = chance(75) ? UUIDS[random.nextInt(3)] : pick(UUIDS);
    } else {
      s = chance(85) ? fittingString(schema) : pick(STRINGS);
    }
    out.append(quote(s));
  }

  /** A JSON string; non-ASCII characters sometimes as {@code \\u} escapes. */
  private String quote(String s) {
    boolean escapeAll = chance(10);
    StringBuilder q = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        q.append('\\').append(c);
      } else if (c < 0x20 || (c > 0x7e && escapeAll)) {
        q.append(String.format("\\u%04x", (int) c));
      } else {
        q.append(c);
      }
    }
    return q.append('"').toString();
  }
}
