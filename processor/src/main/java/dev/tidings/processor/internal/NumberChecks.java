package dev.tidings.processor.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of numeric leaves (part of {@link LeafChecks}): integer types, {@code BigInteger},
 * {@code float}, {@code double} and {@code BigDecimal} against {@code minimum}, {@code maximum}
 * and their exclusive forms, compared the way the JSON Schema validator compares them.
 */
final class NumberChecks {
  private static final Set<String> NUMBER_KEYWORDS =
      Set.of("type", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum");
  private static final List<String> BOUNDS =
      List.of("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum");

  private final CheckConstants constants;

  NumberChecks(CheckConstants constants) {
    this.constants = constants;
  }

  void integral(
      Map<String, Object> schema, String x, String path, CheckBlock out, long typeMin, long typeMax,
      String suffix) {
    BigInteger[] range = integerRange(schema, path);
    BigInteger lo = max(range[0], BigInteger.valueOf(typeMin));
    BigInteger hi = min(range[1], BigInteger.valueOf(typeMax));
    if (lo.compareTo(hi) > 0) {
      out.fail();
      return;
    }
    if (lo.longValueExact() > typeMin) {
      out.failIf("$L < $L$L", x, lo, suffix);
    }
    if (hi.longValueExact() < typeMax) {
      out.failIf("$L > $L$L", x, hi, suffix);
    }
  }

  void bigInteger(Map<String, Object> schema, String x, String path, CheckBlock out) {
    BigInteger[] range = integerRange(schema, path);
    if (range[0] != null && range[1] != null && range[0].compareTo(range[1]) > 0) {
      out.fail();
      return;
    }
    if (range[0] != null) {
      compare(x, range[0], "<", out);
    }
    if (range[1] != null) {
      compare(x, range[1], ">", out);
    }
  }

  /** The inclusive integer bounds of an {@code integer} schema; {@code null} for none. */
  private static BigInteger[] integerRange(Map<String, Object> schema, String path) {
    Keywords.only(schema, NUMBER_KEYWORDS, path);
    Keywords.expect(schema, "type", "integer", path);
    BigInteger lo = null;
    BigInteger hi = null;
    BigDecimal bound;
    if ((bound = Keywords.bound(schema, "minimum")) != null) {
      lo = max(lo, bound.setScale(0, RoundingMode.CEILING).toBigIntegerExact());
    }
    if ((bound = Keywords.bound(schema, "exclusiveMinimum")) != null) {
      lo = max(lo, bound.setScale(0, RoundingMode.FLOOR).toBigIntegerExact().add(BigInteger.ONE));
    }
    if ((bound = Keywords.bound(schema, "maximum")) != null) {
      hi = min(hi, bound.setScale(0, RoundingMode.FLOOR).toBigIntegerExact());
    }
    if ((bound = Keywords.bound(schema, "exclusiveMaximum")) != null) {
      hi = min(hi, bound.setScale(0, RoundingMode.CEILING).toBigIntegerExact().subtract(BigInteger.ONE));
    }
    return new BigInteger[] {lo, hi};
  }

  private static BigInteger max(BigInteger a, BigInteger b) {
    return a == null ? b : b == null ? a : a.max(b);
  }

  private static BigInteger min(BigInteger a, BigInteger b) {
    return a == null ? b : b == null ? a : a.min(b);
  }

  /**
   * A {@code float} or {@code double}: finite, and within its bounds as the validator compares them,
   * {@code new BigDecimal(Double.toString(x))} ({@code Float.toString} for a float). When the bound
   * is the text of a double {@code b} (as {@code 0.5} or {@code 0.3}, not {@code 2^60}), comparing
   * {@code x} with {@code b} gives the same answer: the text of {@code x} rounds to {@code x}, that
   * of {@code b} to {@code b}, and rounding keeps the order. Other bounds are compared as decimals.
   */
  void floating(Map<String, Object> schema, String x, String path, CheckBlock out, boolean isFloat) {
    Keywords.only(schema, NUMBER_KEYWORDS, path);
    Keywords.expect(schema, "type", "number", path);
    out.failIf("!$L.isFinite($L)", isFloat ? "Float" : "Double", x);
    String decimal = null;
    for (String keyword : BOUNDS) {
      BigDecimal bound = Keywords.bound(schema, keyword);
      if (bound == null) {
        continue;
      }
      String literal = isFloat ? floatLiteral(bound) : doubleLiteral(bound);
      if (literal != null) {
        out.failIf("$L $L $L", x, primitiveFailure(keyword), literal);
        continue;
      }
      if (decimal == null) {
        decimal = out.name(x + "Decimal");
        out.declare(decimal, isFloat ? "new $T(Float.toString($L))" : "$T.valueOf($L)", BigDecimal.class, x);
      }
      out.failIf("$L.compareTo($L) $L 0", decimal, constants.decimal(bound), primitiveFailure(keyword));
    }
  }

  /** The double whose text is {@code bound}, as a literal; {@code null} when there is none. */
  private static String doubleLiteral(BigDecimal bound) {
    double d = bound.doubleValue();
    return Double.isFinite(d) && new BigDecimal(Double.toString(d)).compareTo(bound) == 0 ? Double.toString(d) : null;
  }

  /** The float whose text is {@code bound}, as a literal; {@code null} when there is none. */
  private static String floatLiteral(BigDecimal bound) {
    float f = bound.floatValue();
    return Float.isFinite(f) && new BigDecimal(Float.toString(f)).compareTo(bound) == 0 ? f + "F" : null;
  }

  void decimal(Map<String, Object> schema, String x, String path, CheckBlock out) {
    Keywords.only(schema, NUMBER_KEYWORDS, path);
    Keywords.expect(schema, "type", "number", path);
    for (String keyword : BOUNDS) {
      BigDecimal bound = Keywords.bound(schema, keyword);
      if (bound == null) {
        continue;
      }
      compare(x, bound, primitiveFailure(keyword), out);
    }
  }

  /** {@code if (x.compareTo(bound) <failure> 0) return false;}, with {@code signum()} for zero. */
  private void compare(String x, Number bound, String failure, CheckBlock out) {
    if (bound instanceof BigInteger i && i.signum() == 0 || bound instanceof BigDecimal d && d.signum() == 0) {
      out.failIf("$L.signum() $L 0", x, failure);
    } else if (bound instanceof BigInteger i) {
      out.failIf("$L.compareTo($L) $L 0", x, constants.integer(i), failure);
    } else {
      out.failIf("$L.compareTo($L) $L 0", x, constants.decimal((BigDecimal) bound), failure);
    }
  }

  /** The comparison with the bound that breaks {@code keyword}. */
  private static String primitiveFailure(String keyword) {
    return switch (keyword) {
      case "minimum" -> "<";
      case "exclusiveMinimum" -> "<=";
      case "maximum" -> ">";
      case "exclusiveMaximum" -> ">=";
      default -> throw new IllegalArgumentException(keyword);
    };
  }
}
