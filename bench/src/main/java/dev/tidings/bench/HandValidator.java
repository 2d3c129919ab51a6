package dev.tidings.bench;

import dev.tidings.bench.Shape.Address;
import dev.tidings.bench.Shape.Line;
import dev.tidings.bench.Shape.OrderPlaced;
import dev.tidings.bench.Shape.Tick;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a validator generated at compile time from the benchmark records' schemas could look like:
 * it checks the record's components directly (required, bounds, sizes, the pattern, the enum by
 * its Java type), with no JSON tree. It answers valid or not; a generated validator would leave the
 * error details to the generic validator, which runs only for an invalid record. Written by hand
 * here to measure what such a validator would save; it is not part of the framework.
 */
final class HandValidator {
  private static final Pattern CUSTOMER_ID = Pattern.compile("^cust-[0-9]+$");

  private HandValidator() {}

  static boolean valid(Record record) {
    if (record instanceof Tick t) {
      return valid(t);
    }
    if (record instanceof OrderPlaced o) {
      return valid(o);
    }
    throw new IllegalArgumentException("no validator for " + record.getClass());
  }

  static boolean valid(Tick t) {
    return length(t.symbol(), 1, 12)
        && t.side() != null
        && t.seq() >= 0
        && t.price() > 0
        && t.qty() >= 1 && t.qty() <= 1_000_000;
  }

  static boolean valid(OrderPlaced o) {
    if (!length(o.orderId(), 1, 64)
        || o.customerId() == null || !CUSTOMER_ID.matcher(o.customerId()).find()
        || o.status() == null
        || !valid(o.shipTo())
        || !(o.total() >= 0)
        || !length(o.currency(), 3, 3)
        || o.note() != null && !length(o.note(), 0, 500)) {
      return false;
    }
    List<Line> lines = o.lines();
    if (lines == null || lines.size() < 1 || lines.size() > 100) {
      return false;
    }
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      if (line == null || !length(line.sku(), 1, 32) || !length(line.name(), 0, 200) || line.qty() < 1
          || !(line.unitPrice() >= 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean valid(Address a) {
    return a != null
        && length(a.street(), 1, 200)
        && length(a.city(), 1, 100)
        && length(a.postalCode(), 0, 16)
        && length(a.country(), 2, 2);
  }

  /** JSON Schema counts code points, not chars. */
  private static boolean length(String s, int min, int max) {
    if (s == null) {
      return false;
    }
    int chars = s.length();
    if (chars >= min && chars <= max && chars == s.codePointCount(0, chars)) {
      return true;
    }
    int points = s.codePointCount(0, chars);
    return points >= min && points <= max;
  }
}
