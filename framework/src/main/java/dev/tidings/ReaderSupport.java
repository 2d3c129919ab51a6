package dev.tidings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What generated {@link RecordReader}s call: strict readers of one JSON value each, at the parser's
 * current token. Each accepts only the token type that Jackson writes for the Java type (a string
 * for a string, an integer that fits for an {@code int}, ...) and a text that Jackson would write
 * for the value it reads (an {@code Instant} in the form Jackson writes it); anything else throws
 * {@link NotSure}. Not meant to be called by applications.
 */
public final class ReaderSupport {
  private static final NotSure NOT_SURE = new NotSure();

  private ReaderSupport() {}

  /**
   * Thrown when a generated reader does not judge its input exactly. It carries no stack trace
   * and is one shared instance: it is a verdict, not an error, and the generic route decides.
   */
  public static final class NotSure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private NotSure() {
      super("the generated reader does not judge this input; the generic route decides", null, false, false);
    }
  }

  /** Reads one value of a type at the parser's current token. */
  @FunctionalInterface
  public interface Item<T> {
    T read(JsonParser parser) throws IOException;
  }

  /** The one {@link NotSure} instance, to throw. */
  public static NotSure notSure() {
    return NOT_SURE;
  }

  /** Throws {@link NotSure} unless the current token is {@code token}. */
  public static void expect(JsonParser p, JsonToken token) {
    if (p.currentToken() != token) {
      throw NOT_SURE;
    }
  }

  /** Whether the current token is {@code null}. */
  public static boolean isNull(JsonParser p) {
    return p.currentToken() == JsonToken.VALUE_NULL;
  }

  /**
   * {@code seen} with {@code bit} set; throws {@link NotSure} when it was set already (a duplicate
   * property, which the JSON Schema validator sees only once).
   */
  public static long first(long seen, long bit) {
    if ((seen & bit) != 0) {
      throw NOT_SURE;
    }
    return seen | bit;
  }

  /** Throws {@link NotSure} unless every bit of {@code required} is in {@code seen}. */
  public static void required(long seen, long required) {
    if ((seen & required) != required) {
      throw NOT_SURE;
    }
  }

  public static String string(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw NOT_SURE;
    }
    return p.getText();
  }

  public static boolean bool(JsonParser p) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw NOT_SURE;
  }

  /** An integer token that fits an {@code int} (no {@code 1.0}, no {@code "1"}). */
  public static int intValue(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
      throw NOT_SURE;
    }
    return p.getIntValue();
  }

  /** An integer token that fits a {@code long}. */
  public static long longValue(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw NOT_SURE;
    }
    JsonParser.NumberType type = p.getNumberType();
    if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
      throw NOT_SURE;
    }
    return p.getLongValue();
  }

  /**
   * A finite number read as Jackson reads it into a tree, so that the JSON Schema validator judges
   * the same {@code double}: a decimal token, or an integer token that fits an {@code int} (larger
   * integers become exact integers in a tree).
   */
  public static double doubleValue(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    double d;
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      d = p.getDoubleValue();
    } else if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
      d = p.getIntValue();
    } else {
      throw NOT_SURE;
    }
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw NOT_SURE;
    }
    return d;
  }

  /** An {@code Instant} in exactly the form Jackson writes it (ISO-8601, UTC, {@code Z}). */
  public static Instant instant(JsonParser p) throws IOException {
    String text = string(p);
    try {
      Instant value = Instant.parse(text);
      if (value.toString().equals(text)) {
        return value;
      }
    } catch (DateTimeParseException e) {
      // not one Jackson would write: the generic route decides
    }
    throw NOT_SURE;
  }

  /** A {@code LocalDate} in exactly the form Jackson writes it ({@code 2024-02-29}). */
  public static LocalDate localDate(JsonParser p) throws IOException {
    String text = string(p);
    try {
      LocalDate value = LocalDate.parse(text);
      if (value.toString().equals(text)) {
        return value;
      }
    } catch (DateTimeParseException e) {
      // not one Jackson would write: the generic route decides
    }
    throw NOT_SURE;
  }

  /** A {@code UUID} in exactly the form Jackson writes it (lower case, with dashes). */
  public static UUID uuid(JsonParser p) throws IOException {
    String text = string(p);
    try {
      UUID value = UUID.fromString(text);
      if (value.toString().equals(text)) {
        return value;
      }
    } catch (IllegalArgumentException e) {
      // not one Jackson would write: the generic route decides
    }
    throw NOT_SURE;
  }

  /** An array into an {@code ArrayList}, as Jackson binds a {@code List} or {@code Collection}. */
  public static <T> List<T> list(JsonParser p, Item<T> item) throws IOException {
    expect(p, JsonToken.START_ARRAY);
    List<T> list = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      list.add(item.read(p));
    }
    return list;
  }

  /**
   * An array into a {@code HashSet}, as Jackson binds a {@code Set}; {@link NotSure} when two items
   * are equal (the set would hold fewer items than the JSON).
   */
  public static <T> Set<T> set(JsonParser p, Item<T> item) throws IOException {
    expect(p, JsonToken.START_ARRAY);
    Set<T> set = new HashSet<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (!set.add(item.read(p))) {
        throw NOT_SURE;
      }
    }
    return set;
  }

  /**
   * An object into a {@code LinkedHashMap} with string keys, as Jackson binds a {@code Map}; {@link
   * NotSure} on a duplicate key.
   */
  public static <T> Map<String, T> map(JsonParser p, Item<T> value) throws IOException {
    expect(p, JsonToken.START_OBJECT);
    Map<String, T> map = new LinkedHashMap<>();
    String key;
    while ((key = p.nextFieldName()) != null) {
      p.nextToken();
      if (map.containsKey(key)) {
        throw NOT_SURE;
      }
      map.put(key, value.read(p));
    }
    expect(p, JsonToken.END_OBJECT);
    return map;
  }
}
