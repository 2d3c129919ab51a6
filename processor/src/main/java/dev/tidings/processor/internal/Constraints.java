package dev.tidings.processor.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Turns constraint annotations into JSON Schema keywords. An annotation counts when its package is
 * one of {@link Names#CONSTRAINT_PACKAGES}; it is recognized by simple name and read through the
 * element names Jakarta Validation uses ({@code value}, {@code min}, {@code max}, {@code regexp},
 * {@code flags}, {@code inclusive}):
 *
 * <ul>
 *   <li>{@code Min}, {@code Max}, {@code DecimalMin}, {@code DecimalMax}, {@code Positive}, {@code
 *       PositiveOrZero}, {@code Negative}, {@code NegativeOrZero} on numbers: {@code minimum},
 *       {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum};
 *   <li>{@code Size} and {@code NotEmpty}: {@code minLength}/{@code maxLength} on strings, {@code
 *       minItems}/{@code maxItems} on arrays, {@code minProperties}/{@code maxProperties} on maps;
 *   <li>{@code Pattern}: {@code pattern}, anchored as {@code ^(?:regexp)$} because Jakarta matches
 *       the whole string while JSON Schema searches;
 *   <li>{@code NotBlank}: {@code minLength: 1} and {@code pattern: "\\S"};
 *   <li>{@code Email}: {@code format: "email"}.
 * </ul>
 *
 * Other annotations of those packages ({@code NotNull}, {@code Past}, ...) have no JSON Schema
 * counterpart and are ignored; a known one on a type it cannot constrain is reported.
 */
final class Constraints {
  private static final BigDecimal ZERO = BigDecimal.ZERO;

  /** Receives a constraint that does not fit the schema it was put on. */
  interface Misfit {
    void report(String annotation, String schemaKind, String appliesTo);
  }

  private final Elements elements;

  Constraints(Elements elements) {
    this.elements = elements;
  }

  /** Whether {@code mirror} is a constraint annotation of a known package. */
  static boolean isConstraint(AnnotationMirror mirror) {
    TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
    String name = type.getQualifiedName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && Names.CONSTRAINT_PACKAGES.contains(name.substring(0, dot));
  }

  /** Adds the keywords of every constraint among {@code annotations} to {@code schema}. */
  void apply(Map<String, Object> schema, List<? extends AnnotationMirror> annotations, Misfit misfit) {
    for (AnnotationMirror mirror : annotations) {
      if (isConstraint(mirror)) {
        applyOne(schema, mirror, misfit);
      }
    }
  }

  private void applyOne(Map<String, Object> schema, AnnotationMirror mirror, Misfit misfit) {
    String name = Annotations.simpleName(mirror);
    Kind kind = Kind.of(schema);
    switch (name) {
      case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero", "Negative",
          "NegativeOrZero" -> {
        if (kind != Kind.NUMBER) {
          misfit.report(name, kind.description, "numbers");
          return;
        }
        numeric(schema, name, mirror);
      }
      case "Size" -> {
        if (kind != Kind.STRING && kind != Kind.ARRAY && kind != Kind.MAP) {
          misfit.report(name, kind.description, "strings, arrays, collections and maps");
          return;
        }
        long min = Annotations.number(value(mirror, "min"), 0);
        long max = Annotations.number(value(mirror, "max"), Integer.MAX_VALUE);
        if (min > 0) {
          atLeast(schema, kind.minKeyword, min);
        }
        if (max < Integer.MAX_VALUE) {
          atMost(schema, kind.maxKeyword, max);
        }
      }
      case "NotEmpty" -> {
        if (kind != Kind.STRING && kind != Kind.ARRAY && kind != Kind.MAP) {
          misfit.report(name, kind.description, "strings, arrays, collections and maps");
          return;
        }
        atLeast(schema, kind.minKeyword, 1);
      }
      case "NotBlank" -> {
        if (kind != Kind.STRING) {
          misfit.report(name, kind.description, "strings");
          return;
        }
        atLeast(schema, "minLength", 1);
        pattern(schema, "\\S");
      }
      case "Pattern" -> {
        if (kind != Kind.STRING) {
          misfit.report(name, kind.description, "strings");
          return;
        }
        String regexp = Annotations.string(value(mirror, "regexp"), null);
        if (regexp != null) {
          pattern(schema, "^" + inlineFlags(value(mirror, "flags")) + "(?:" + regexp + ")$");
        }
      }
      case "Email" -> {
        if (kind != Kind.STRING) {
          misfit.report(name, kind.description, "strings");
          return;
        }
        schema.putIfAbsent("format", "email");
      }
      default -> {
        // NotNull, Null, AssertTrue, Past, Future, Digits, ...: nothing to say in JSON Schema.
      }
    }
  }

  private void numeric(Map<String, Object> schema, String name, AnnotationMirror mirror) {
    switch (name) {
      case "Min" -> lower(schema, BigDecimal.valueOf(Annotations.number(value(mirror, "value"), 0)), false);
      case "Max" -> upper(schema, BigDecimal.valueOf(Annotations.number(value(mirror, "value"), 0)), false);
      case "DecimalMin", "DecimalMax" -> {
        BigDecimal bound = decimal(Annotations.string(value(mirror, "value"), ""));
        if (bound == null) {
          return; // not a number: Bean Validation rejects it at run time; nothing to derive
        }
        boolean exclusive = !Annotations.bool(value(mirror, "inclusive"), true);
        if (name.equals("DecimalMin")) {
          lower(schema, bound, exclusive);
        } else {
          upper(schema, bound, exclusive);
        }
      }
      case "Positive" -> lower(schema, ZERO, true);
      case "PositiveOrZero" -> lower(schema, ZERO, false);
      case "Negative" -> upper(schema, ZERO, true);
      case "NegativeOrZero" -> upper(schema, ZERO, false);
      default -> throw new IllegalArgumentException(name);
    }
  }

  private AnnotationValue value(AnnotationMirror mirror, String name) {
    return Annotations.value(elements, mirror, name);
  }

  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Tightens the lower bound; an exclusive bound at or above the inclusive one replaces it. */
  private static void lower(Map<String, Object> schema, BigDecimal bound, boolean exclusive) {
    String key = exclusive ? "exclusiveMinimum" : "minimum";
    BigDecimal current = decimalOf(schema.get(key));
    if (current == null || bound.compareTo(current) > 0) {
      schema.put(key, number(bound));
    }
    BigDecimal inclusive = decimalOf(schema.get("minimum"));
    BigDecimal strict = decimalOf(schema.get("exclusiveMinimum"));
    if (inclusive != null && strict != null) {
      schema.remove(strict.compareTo(inclusive) >= 0 ? "minimum" : "exclusiveMinimum");
    }
  }

  private static void upper(Map<String, Object> schema, BigDecimal bound, boolean exclusive) {
    String key = exclusive ? "exclusiveMaximum" : "maximum";
    BigDecimal current = decimalOf(schema.get(key));
    if (current == null || bound.compareTo(current) < 0) {
      schema.put(key, number(bound));
    }
    BigDecimal inclusive = decimalOf(schema.get("maximum"));
    BigDecimal strict = decimalOf(schema.get("exclusiveMaximum"));
    if (inclusive != null && strict != null) {
      schema.remove(strict.compareTo(inclusive) <= 0 ? "maximum" : "exclusiveMaximum");
    }
  }

  private static void atLeast(Map<String, Object> schema, String keyword, long min) {
    Object current = schema.get(keyword);
    if (!(current instanceof Long l) || l < min) {
      schema.put(keyword, min);
    }
  }

  private static void atMost(Map<String, Object> schema, String keyword, long max) {
    Object current = schema.get(keyword);
    if (!(current instanceof Long l) || l > max) {
      schema.put(keyword, max);
    }
  }

  /** Adds a pattern; a second one goes into {@code allOf}, since a schema holds one pattern. */
  static void pattern(Map<String, Object> schema, String regex) {
    Object current = schema.get("pattern");
    if (current == null) {
      schema.put("pattern", regex);
      return;
    }
    if (current.equals(regex)) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<Object> allOf = (List<Object>) schema.computeIfAbsent("allOf", k -> new ArrayList<>());
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("pattern", regex);
    if (!allOf.contains(extra)) {
      allOf.add(extra);
    }
  }

  private static String inlineFlags(AnnotationValue flags) {
    StringBuilder letters = new StringBuilder();
    for (AnnotationValue flag : Annotations.list(flags)) {
      switch (Annotations.enumConstant(flag, "")) {
        case "UNIX_LINES" -> letters.append('d');
        case "CASE_INSENSITIVE" -> letters.append('i');
        case "COMMENTS" -> letters.append('x');
        case "MULTILINE" -> letters.append('m');
        case "DOTALL" -> letters.append('s');
        case "UNICODE_CASE" -> letters.append('u');
        default -> {
          // CANON_EQ has no inline form
        }
      }
    }
    return letters.length() == 0 ? "" : "(?" + letters + ")";
  }

  private static BigDecimal decimalOf(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    return null;
  }

  /** A whole number as {@link Long} (written without a fraction), else the decimal. */
  static Object number(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() <= 0) {
      try {
        return stripped.longValueExact();
      } catch (ArithmeticException e) {
        return stripped;
      }
    }
    return stripped;
  }

  /** What a derived schema describes, for choosing keywords. */
  enum Kind {
    STRING("a string", "minLength", "maxLength"),
    NUMBER("a number", null, null),
    ARRAY("an array", "minItems", "maxItems"),
    MAP("a map", "minProperties", "maxProperties"),
    BINARY("binary data (a base64 string)", null, null),
    OTHER("a record, an enum or a boolean", null, null);

    final String description;
    final String minKeyword;
    final String maxKeyword;

    Kind(String description, String minKeyword, String maxKeyword) {
      this.description = description;
      this.minKeyword = minKeyword;
      this.maxKeyword = maxKeyword;
    }

    static Kind of(Map<String, Object> schema) {
      Object type = schema.get("type");
      if (schema.containsKey("enum") || type == null) {
        return OTHER;
      }
      return switch (String.valueOf(type)) {
        case "string" -> schema.containsKey("contentEncoding") ? BINARY : STRING;
        case "integer", "number" -> NUMBER;
        case "array" -> ARRAY;
        case "object" -> schema.containsKey("additionalProperties") ? MAP : OTHER;
        default -> OTHER;
      };
    }
  }
}
