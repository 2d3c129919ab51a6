package dev.tidings.worker.internal.compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The keywords of one pair of schemas that compare numbers, lengths, counts and listed values. */
final class LeafRules {
  private final Inclusion inclusion;
  private final JsonNode w;
  private final String wp;
  private final JsonNode r;
  private final String rp;

  LeafRules(Inclusion inclusion, JsonNode w, String wp, JsonNode r, String rp) {
    this.inclusion = inclusion;
    this.w = w;
    this.wp = wp;
    this.r = r;
    this.rp = rp;
  }

  /** A lower or upper bound; {@code exclusive} for exclusiveMinimum/exclusiveMaximum. */
  private record Bound(BigDecimal value, boolean exclusive, String keyword) {
    @Override
    public String toString() {
      return (exclusive ? (keyword.contains("Min") ? "> " : "< ") : (keyword.contains("min") ? ">= " : "<= ")) + value;
    }
  }

  /** The reader lists values (enum/const) and the writer does not. */
  void choices() {
    if (r.has("enum")) {
      inclusion.add(Rule.ENUM_NARROWED, wp, rp + "/enum", r.get("enum"), "any value of its type");
    }
    if (r.has("const")) {
      inclusion.add(Rule.CONST_CHANGED, wp, rp + "/const", r.get("const"), "any value of its type");
    }
  }

  /** The writer lists values: each must pass the reader's keywords. */
  void values(JsonNode values, Set<String> live) {
    List<JsonNode> notListed = new ArrayList<>();
    for (JsonNode v : values) {
      String type = v.isNull() ? "null" : v.isBoolean() ? "boolean" : v.isIntegralNumber() ? "integer"
          : v.isNumber() ? "number" : v.isTextual() ? "string" : v.isArray() ? "array" : "object";
      if (!live.contains(type) && !(type.equals("integer") && live.contains("number"))
          && !(type.equals("number") && live.contains("integer") && v.decimalValue().stripTrailingZeros().scale() <= 0)) {
        continue; // reported as a narrowed type already, or the writer's type excludes it
      }
      if ((r.has("enum") && !contains(r.get("enum"), v)) || (r.has("const") && !r.get("const").equals(v))) {
        notListed.add(v);
        continue;
      }
      if (v.isNumber()) {
        valueBounds(v.decimalValue());
      } else if (v.isTextual()) {
        valueString(v.asText());
      }
    }
    if (!notListed.isEmpty()) {
      Rule rule = r.has("enum") ? Rule.ENUM_NARROWED : Rule.CONST_CHANGED;
      inclusion.add(rule, wp + (w.has("enum") ? "/enum" : "/const"), rp + (r.has("enum") ? "/enum" : "/const"),
          r.has("enum") ? r.get("enum") : r.get("const"), notListed);
    }
  }

  private void valueBounds(BigDecimal v) {
    Bound low = bound(r, "minimum", "exclusiveMinimum", true);
    if (low != null && (v.compareTo(low.value) < 0 || (low.exclusive && v.compareTo(low.value) == 0))) {
      inclusion.add(Rule.MINIMUM_RAISED, wp, rp + "/" + low.keyword, low, v.toPlainString());
    }
    Bound high = bound(r, "maximum", "exclusiveMaximum", false);
    if (high != null && (v.compareTo(high.value) > 0 || (high.exclusive && v.compareTo(high.value) == 0))) {
      inclusion.add(Rule.MAXIMUM_LOWERED, wp, rp + "/" + high.keyword, high, v.toPlainString());
    }
  }

  private void valueString(String v) {
    int length = v.codePointCount(0, v.length());
    if (r.has("minLength") && length < r.get("minLength").asLong()) {
      inclusion.add(Rule.MIN_LENGTH_RAISED, wp, rp + "/minLength", r.get("minLength"), "'" + v + "'");
    }
    if (r.has("maxLength") && length > r.get("maxLength").asLong()) {
      inclusion.add(Rule.MAX_LENGTH_LOWERED, wp, rp + "/maxLength", r.get("maxLength"), "'" + v + "'");
    }
    if (r.has("pattern")) {
      try {
        if (!Pattern.compile(r.get("pattern").asText()).matcher(v).find()) {
          inclusion.add(Rule.PATTERN_CHANGED, wp, rp + "/pattern", r.get("pattern"), "'" + v + "'");
        }
      } catch (PatternSyntaxException e) {
        inclusion.add(Rule.NOT_COMPARABLE, wp, rp + "/pattern", "pattern", r.get("pattern"));
      }
    }
  }

  void numbers(String writerType) {
    boolean integers = writerType.equals("integer");
    Bound wLow = normalized(bound(w, "minimum", "exclusiveMinimum", true), integers, true);
    Bound rLow = bound(r, "minimum", "exclusiveMinimum", true);
    if (rLow != null && (wLow == null || !within(wLow, rLow, true))) {
      inclusion.add(Rule.MINIMUM_RAISED, wp + "/" + (wLow == null ? "minimum" : wLow.keyword), rp + "/" + rLow.keyword,
          rLow, wLow == null ? "any" : wLow.toString());
    }
    Bound wHigh = normalized(bound(w, "maximum", "exclusiveMaximum", false), integers, false);
    Bound rHigh = bound(r, "maximum", "exclusiveMaximum", false);
    if (rHigh != null && (wHigh == null || !within(wHigh, rHigh, false))) {
      inclusion.add(Rule.MAXIMUM_LOWERED, wp + "/" + (wHigh == null ? "maximum" : wHigh.keyword),
          rp + "/" + rHigh.keyword, rHigh, wHigh == null ? "any" : wHigh.toString());
    }
    if (r.has("multipleOf")) {
      BigDecimal m = r.get("multipleOf").decimalValue();
      BigDecimal of = w.has("multipleOf") ? w.get("multipleOf").decimalValue() : integers ? BigDecimal.ONE : null;
      if (of == null || m.signum() == 0 || of.remainder(m).signum() != 0) {
        inclusion.add(Rule.MULTIPLE_OF_CHANGED, wp + "/multipleOf", rp + "/multipleOf", m.toPlainString(),
            of == null ? "any number" : "multiples of " + of.toPlainString());
      }
    }
  }

  /** Whether the writer's bound {@code w} is at least as tight as the reader's {@code r}. */
  private static boolean within(Bound w, Bound r, boolean lower) {
    int c = w.value.compareTo(r.value);
    if (c != 0) {
      return lower ? c > 0 : c < 0;
    }
    return !r.exclusive || w.exclusive;
  }

  /** For integers, the equivalent inclusive integer bound (exclusiveMinimum 0 is minimum 1). */
  private static Bound normalized(Bound bound, boolean integers, boolean lower) {
    if (bound == null || !integers) {
      return bound;
    }
    java.math.RoundingMode mode = lower ? java.math.RoundingMode.FLOOR : java.math.RoundingMode.CEILING;
    BigDecimal v;
    if (bound.exclusive) {
      v = bound.value.setScale(0, mode).add(lower ? BigDecimal.ONE : BigDecimal.ONE.negate());
    } else {
      v = bound.value.setScale(0, lower ? java.math.RoundingMode.CEILING : java.math.RoundingMode.FLOOR);
    }
    return new Bound(v, false, bound.keyword);
  }

  /** The tighter of the inclusive and the exclusive bound of {@code schema}. */
  private static Bound bound(JsonNode schema, String inclusive, String exclusive, boolean lower) {
    Bound in = schema.has(inclusive) && schema.get(inclusive).isNumber()
        ? new Bound(schema.get(inclusive).decimalValue(), false, inclusive) : null;
    Bound ex = schema.has(exclusive) && schema.get(exclusive).isNumber()
        ? new Bound(schema.get(exclusive).decimalValue(), true, exclusive) : null;
    if (in == null || ex == null) {
      return in != null ? in : ex;
    }
    int c = in.value.compareTo(ex.value);
    if (lower) {
      return c > 0 ? in : ex;
    }
    return c < 0 ? in : ex;
  }

  void strings() {
    counts("minLength", "maxLength", Rule.MIN_LENGTH_RAISED, Rule.MAX_LENGTH_LOWERED);
    same("pattern", Rule.PATTERN_CHANGED);
    same("format", Rule.FORMAT_CHANGED);
  }

  void arrays() {
    counts("minItems", "maxItems", Rule.MIN_ITEMS_RAISED, Rule.MAX_ITEMS_LOWERED);
    if (r.path("uniqueItems").asBoolean(false) && !w.path("uniqueItems").asBoolean(false)) {
      inclusion.add(Rule.UNIQUE_ITEMS_ADDED, wp + "/uniqueItems", rp + "/uniqueItems", "", "");
    }
  }

  void propertyCounts() {
    counts("minProperties", "maxProperties", Rule.MIN_PROPERTIES_RAISED, Rule.MAX_PROPERTIES_LOWERED);
  }

  private void counts(String min, String max, Rule raised, Rule lowered) {
    long wMin = w.path(min).asLong(0);
    if (r.has(min) && r.get(min).asLong() > wMin) {
      inclusion.add(raised, wp + "/" + min, rp + "/" + min, r.get(min).asLong(), wMin);
    }
    if (r.has(max) && (!w.has(max) || w.get(max).asLong() > r.get(max).asLong())) {
      inclusion.add(lowered, wp + "/" + max, rp + "/" + max, r.get(max).asLong(),
          w.has(max) ? w.get(max).asLong() : "any number");
    }
  }

  private void same(String keyword, Rule rule) {
    if (r.has(keyword) && !r.get(keyword).equals(w.get(keyword))) {
      inclusion.add(rule, wp + "/" + keyword, rp + "/" + keyword, r.get(keyword),
          w.has(keyword) ? w.get(keyword) : "none");
    }
  }

  private static boolean contains(JsonNode array, JsonNode value) {
    for (JsonNode v : array) {
      if (v.equals(value) || (v.isNumber() && value.isNumber() && v.decimalValue().compareTo(value.decimalValue()) == 0)) {
        return true;
      }
    }
    return false;
  }
}
