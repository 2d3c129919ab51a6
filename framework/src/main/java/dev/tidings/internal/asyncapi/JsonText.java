package dev.tidings.internal.asyncapi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON parser into the plain tree this package works on: {@link LinkedHashMap}s (members in
 * document order; of a key given twice the last value wins, in the first one's place, as in
 * Jackson's trees), {@link
 * ArrayList}s, {@link String}s, {@link Long}s (or {@link BigInteger}s beyond a long) for numbers
 * without fraction or exponent, {@link BigDecimal}s for the others, {@link Boolean}s and {@code null}.
 */
final class JsonText {
  private static final int MAX_DEPTH = 512;

  private final String text;
  private int at;

  private JsonText(String text) {
    this.text = text;
  }

  /**
   * The tree of {@code json}.
   *
   * @throws IllegalArgumentException naming the offset, when {@code json} is not one JSON value
   */
  static Object parse(String json) {
    JsonText parser = new JsonText(json);
    parser.space();
    Object value = parser.value(0);
    parser.space();
    if (parser.at != json.length()) {
      throw parser.error("text after the JSON value");
    }
    return value;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH);
    }
    if (at >= text.length()) {
      throw error("a value expected");
    }
    char c = text.charAt(at);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected '" + c + "'");
    }
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> object = new LinkedHashMap<>();
    at++;
    space();
    if (peek('}')) {
      at++;
      return object;
    }
    while (true) {
      space();
      if (!peek('"')) {
        throw error("a member name expected");
      }
      String name = string();
      space();
      expect(':');
      space();
      object.put(name, value(depth + 1));
      space();
      if (peek(',')) {
        at++;
        continue;
      }
      expect('}');
      return object;
    }
  }

  private List<Object> array(int depth) {
    List<Object> array = new ArrayList<>();
    at++;
    space();
    if (peek(']')) {
      at++;
      return array;
    }
    while (true) {
      space();
      array.add(value(depth + 1));
      space();
      if (peek(',')) {
        at++;
        continue;
      }
      expect(']');
      return array;
    }
  }

  private String string() {
    at++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw error("an unterminated string");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("a control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= text.length()) {
        throw error("an unterminated escape");
      }
      char e = text.charAt(at++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw error("a short \\u escape");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          } catch (NumberFormatException ex) {
            throw error("a bad \\u escape");
          }
          at += 4;
        }
        default -> throw error("a bad escape \\" + e);
      }
    }
  }

  private Object number() {
    int start = at;
    boolean integral = true;
    if (peek('-')) {
      at++;
    }
    digits();
    if (peek('.')) {
      integral = false;
      at++;
      digits();
    }
    if (peek('e') || peek('E')) {
      integral = false;
      at++;
      if (peek('+') || peek('-')) {
        at++;
      }
      digits();
    }
    String lexeme = text.substring(start, at);
    if (!integral) {
      return new BigDecimal(lexeme);
    }
    BigInteger value = new BigInteger(lexeme);
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  private void digits() {
    int start = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    if (at == start) {
      throw error("a digit expected");
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw error("unexpected '" + text.charAt(at) + "'");
    }
    at += word.length();
    return value;
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("'" + c + "' expected");
    }
    at++;
  }

  private void space() {
    while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("not JSON: " + what + " at offset " + at);
  }
}
