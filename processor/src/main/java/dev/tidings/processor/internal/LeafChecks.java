package dev.tidings.processor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.element.TypeElement;

/**
 * Writes the tests of the values that have a fixed schema in {@link TypeShapes} (strings, numbers,
 * {@code java.time}, ...), on the JSON that the framework's Jackson mapper writes for them:
 *
 * <ul>
 *   <li>numbers ({@link NumberChecks}): bounds compared as the validator does, the decimal text
 *       of the value with the bound as the framework reads it ({@link Keywords#bound}); a {@code
 *       float} or {@code double} must be finite (Jackson writes {@code NaN} and infinities as
 *       strings);
 *   <li>strings: lengths in code points, patterns with {@code find()}; {@code format: email} is not
 *       judged (the check says {@code false});
 *   <li>{@code date-time}, {@code date}, {@code time}: Java writes years outside 0000..9999 with a
 *       sign or more digits, offsets with seconds, and an {@code OffsetTime} with zero seconds
 *       without its seconds; RFC 3339 allows none of these. The patterns of {@code LocalDateTime},
 *       {@code LocalTime} and {@code Duration} accept all that Java writes;
 *   <li>{@code UUID} always fits {@code format: uuid}; a {@code URI} fits {@code uri-reference}
 *       when it is ASCII and has no brackets in its query.
 * </ul>
 *
 * A string constraint on a {@code java.time} value makes the check say {@code false}: it would have
 * to reproduce Jackson's text of the value.
 */
final class LeafChecks {
  private static final Set<String> STRING_KEYWORDS =
      Set.of("type", "format", "pattern", "minLength", "maxLength", "allOf");

  /** First and last second of years 0000 and 9999, in UTC. */
  private static final long MIN_EPOCH_SECOND = -62167219200L;
  private static final long MAX_EPOCH_SECOND = 253402300799L;

  private final CheckConstants constants;
  private final NumberChecks numbers;

  LeafChecks(CheckConstants constants) {
    this.constants = constants;
    this.numbers = new NumberChecks(constants);
  }

  /** Tests {@code x}, a non-null value of the leaf type {@code type}, against {@code schema}. */
  void emit(TypeMirror type, Map<String, Object> schema, String x, String path, CheckBlock out) {
    String name = leafName(type);
    switch (name) {
      case "java.lang.Boolean" -> {
        Keywords.only(schema, Set.of("type"), path);
        Keywords.expect(schema, "type", "boolean", path);
      }
      case "java.lang.Byte" -> numbers.integral(schema, x, path, out, Byte.MIN_VALUE, Byte.MAX_VALUE, "");
      case "java.lang.Short" -> numbers.integral(schema, x, path, out, Short.MIN_VALUE, Short.MAX_VALUE, "");
      case "java.lang.Integer" -> numbers.integral(schema, x, path, out, Integer.MIN_VALUE, Integer.MAX_VALUE, "");
      case "java.lang.Long" -> numbers.integral(schema, x, path, out, Long.MIN_VALUE, Long.MAX_VALUE, "L");
      case "java.math.BigInteger" -> numbers.bigInteger(schema, x, path, out);
      case "java.lang.Float" -> numbers.floating(schema, x, path, out, true);
      case "java.lang.Double" -> numbers.floating(schema, x, path, out, false);
      case "java.math.BigDecimal" -> numbers.decimal(schema, x, path, out);
      case "java.lang.String" -> string(schema, path, out, null, null, x, false);
      case "java.lang.Character" -> string(schema, path, out, null, null, "String.valueOf(" + x + ")", true);
      case "char[]" -> string(schema, path, out, null, null, "new String(" + x + ")", false);
      case "byte[]" -> {
        Keywords.only(schema, Set.of("type", "contentEncoding"), path);
        Keywords.expect(schema, "type", "string", path);
      }
      case "java.util.UUID" -> string(schema, path, out, "uuid", null, x + ".toString()", false);
      case "java.net.URI" -> {
        out.failIf("!$L($L)", constants.uriReference(), x);
        string(schema, path, out, "uri-reference", null, x + ".toString()", false);
      }
      case "java.time.Instant" -> {
        out.failIf("$L.getEpochSecond() < $LL || $L.getEpochSecond() > $LL",
            x, MIN_EPOCH_SECOND, x, MAX_EPOCH_SECOND);
        string(schema, path, out, "date-time", null, null, false);
      }
      case "java.time.OffsetDateTime", "java.time.ZonedDateTime" -> {
        out.failIf("$L.getYear() < 0 || $L.getYear() > 9999 || $L.getOffset().getTotalSeconds() % 60 != 0",
            x, x, x);
        string(schema, path, out, "date-time", null, null, false);
      }
      case "java.time.LocalDate" -> {
        out.failIf("$L.getYear() < 0 || $L.getYear() > 9999", x, x);
        string(schema, path, out, "date", null, null, false);
      }
      case "java.time.OffsetTime" -> {
        out.failIf("($L.getSecond() == 0 && $L.getNano() == 0) || $L.getOffset().getTotalSeconds() % 60 != 0",
            x, x, x);
        string(schema, path, out, "time", null, null, false);
      }
      case "java.time.LocalDateTime" ->
          string(schema, path, out, null, TypeShapes.LOCAL_DATE_TIME_PATTERN, null, false);
      case "java.time.LocalTime" -> string(schema, path, out, null, TypeShapes.LOCAL_TIME_PATTERN, null, false);
      case "java.time.Duration" -> string(schema, path, out, null, TypeShapes.DURATION_PATTERN, null, false);
      default -> throw new CheckDeriver.NoCheck(path + " is a " + name + ", which the check does not model");
    }
  }

  /**
   * Whether two values of the leaf type are equal exactly when Jackson writes the same JSON for
   * them, so that a {@code Set} of them has unique items in JSON once it has unique items by
   * {@code equals}. Not so for numbers with a fraction ({@code 1.0} and {@code 1.00}) or zoned times.
   */
  static boolean equalsIsJsonEquality(TypeMirror type) {
    return switch (leafName(type)) {
      case "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
          "java.math.BigInteger", "java.lang.Character", "java.lang.String", "java.util.UUID" -> true;
      default -> false;
    };
  }

  /** The qualified name of a leaf type, boxed for primitives; {@code byte[]} and {@code char[]} as such. */
  static String leafName(TypeMirror type) {
    return switch (type.getKind()) {
      case BOOLEAN -> "java.lang.Boolean";
      case BYTE -> "java.lang.Byte";
      case SHORT -> "java.lang.Short";
      case INT -> "java.lang.Integer";
      case LONG -> "java.lang.Long";
      case CHAR -> "java.lang.Character";
      case FLOAT -> "java.lang.Float";
      case DOUBLE -> "java.lang.Double";
      case ARRAY -> {
        TypeKind component = ((ArrayType) type).getComponentType().getKind();
        yield component == TypeKind.BYTE ? "byte[]" : component == TypeKind.CHAR ? "char[]" : "array";
      }
      case DECLARED -> ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
      default -> type.toString();
    };
  }

  // ---- strings

  /**
   * The string keywords beyond a type's own {@code format} or {@code pattern} (which the caller has
   * tested): lengths, patterns and {@code format: email}.
   *
   * @param text the expression of the string Jackson writes, {@code null} when not modelled
   * @param oneChar whether the string is one {@code char}, one code point whatever it holds
   */
  private void string(
      Map<String, Object> schema, String path, CheckBlock out, String ownFormat, String ownPattern,
      String text, boolean oneChar) {
    Keywords.only(schema, STRING_KEYWORDS, path);
    Keywords.expect(schema, "type", "string", path);
    if (ownFormat != null) {
      Keywords.expect(schema, "format", ownFormat, path);
    }
    if (ownPattern != null) {
      Keywords.expect(schema, "pattern", ownPattern, path);
    }
    Object format = schema.get("format");
    if (ownFormat == null && format != null) {
      if (!format.equals("email")) {
        throw new CheckDeriver.NoCheck(path + " has format " + format + ", which the check does not model");
      }
      out.fail(); // RFC 5321 addresses are not judged here: the validator decides
      return;
    }
    List<String> patterns = patterns(schema, ownPattern, path);
    long min = Keywords.count(schema, "minLength");
    long max = Keywords.count(schema, "maxLength");
    if (oneChar) {
      if (min > 1 || max == 0) {
        out.fail();
        return;
      }
      min = -1;
      max = -1;
    }
    if (patterns.isEmpty() && min <= 0 && max < 0) {
      return;
    }
    if (text == null) {
      out.fail(); // a constraint on the text of a java.time value: not modelled
      return;
    }
    String s = text;
    if (!isIdentifier(text)) {
      s = out.name("text");
      out.declare(s, "$L", text);
    }
    if (min == 1) {
      out.failIf("$L.isEmpty()", s);
    } else if (min > 1) {
      out.failIf("$L.codePointCount(0, $L.length()) < $L", s, s, min);
    }
    if (max >= 0) {
      out.failIf("$L.length() > $L && $L.codePointCount(0, $L.length()) > $L", s, max, s, s, max);
    }
    for (String regex : patterns) {
      out.failIf("!$L.matcher($L).find()", constants.pattern(regex), s);
    }
  }

  private static List<String> patterns(Map<String, Object> schema, String ownPattern, String path) {
    List<String> patterns = new ArrayList<>();
    Object pattern = schema.get("pattern");
    if (pattern != null && !pattern.equals(ownPattern)) {
      patterns.add(regex(pattern, path));
    }
    Object allOf = schema.get("allOf");
    if (allOf != null) {
      if (!(allOf instanceof List<?> items)) {
        throw new CheckDeriver.NoCheck("allOf of " + path + " is not a list");
      }
      for (Object item : items) {
        Map<String, Object> part = Keywords.map(item, "allOf");
        Keywords.only(part, Set.of("pattern"), path);
        patterns.add(regex(part.get("pattern"), path));
      }
    }
    return patterns;
  }

  private static String regex(Object value, String path) {
    if (value instanceof String s) {
      return s;
    }
    throw new CheckDeriver.NoCheck("the pattern of " + path + " is not a string");
  }

  private static boolean isIdentifier(String text) {
    return javax.lang.model.SourceVersion.isIdentifier(text);
  }
}
