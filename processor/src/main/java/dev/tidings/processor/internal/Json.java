package dev.tidings.processor.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer and syntax checker, so that the processor needs no JSON library on the
 * annotation processor path.
 *
 * <p>Values are {@link Map}s with {@link String} keys (written in iteration order, so use a {@link
 * java.util.LinkedHashMap}), {@link List}s, {@link String}s, {@link Number}s, {@link Boolean}s and
 * {@code null}. Output is pretty-printed with two spaces, arrays of scalars on one line, and plain
 * ASCII (other characters are escaped), so it is identical on every machine.
 */
final class Json {
  private Json() {}

  /** {@code value} as pretty-printed JSON, ending with a newline. */
  static String write(Object value) {
    StringBuilder out = new StringBuilder(512);
    write(value, 0, out);
    return out.append('\n').toString();
  }

  private static void write(Object value, int depth, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        indent(depth + 1, out);
        string((String) e.getKey(), out);
        out.append(": ");
        write(e.getValue(), depth + 1, out);
        out.append(++i < map.size() ? ",\n" : "\n");
      }
      indent(depth, out);
      out.append('}');
    } else if (value instanceof List<?> list) {
      boolean flat = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
      if (list.isEmpty() || flat) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          write(list.get(i), depth, out);
        }
        out.append(']');
        return;
      }
      out.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        indent(depth + 1, out);
        write(list.get(i), depth + 1, out);
        out.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      indent(depth, out);
      out.append(']');
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof BigDecimal d) {
      out.append(d.toPlainString());
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value == null) {
      out.append("null");
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static void indent(int depth, StringBuilder out) {
    out.append("  ".repeat(depth));
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Checks that {@code text} is one JSON object or boolean (a JSON Schema document).
   *
   * @return {@code null} when it is, else what is wrong and where
   */
  static String syntaxError(String text) {
    Checker checker = new Checker(text);
    try {
      checker.skipSpace();
      char first = checker.peek();
      if (first != '{' && first != 't' && first != 'f') {
        return "is not a JSON object (a JSON Schema document is an object)";
      }
      checker.value(0);
      checker.skipSpace();
      if (checker.pos < text.length()) {
        throw checker.fail("unexpected text after the document");
      }
      return null;
    } catch (IllegalStateException e) {
      return e.getMessage();
    }
  }

  /** A recursive-descent JSON recognizer (RFC 8259) that reports line and column. */
  private static final class Checker {
    private static final int MAX_DEPTH = 512;
    private final String text;
    private int pos;

    Checker(String text) {
      this.text = text;
    }

    char peek() {
      if (pos >= text.length()) {
        throw fail("unexpected end of the document");
      }
      return text.charAt(pos);
    }

    void skipSpace() {
      while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
    }

    void expect(char c) {
      if (peek() != c) {
        throw fail("expected '" + c + "'");
      }
      pos++;
    }

    void value(int depth) {
      if (depth > MAX_DEPTH) {
        throw fail("nested too deeply");
      }
      skipSpace();
      char c = peek();
      switch (c) {
        case '{' -> {
          pos++;
          skipSpace();
          if (peek() == '}') {
            pos++;
            return;
          }
          while (true) {
            skipSpace();
            string();
            skipSpace();
            expect(':');
            value(depth + 1);
            skipSpace();
            if (peek() == ',') {
              pos++;
            } else {
              expect('}');
              return;
            }
          }
        }
        case '[' -> {
          pos++;
          skipSpace();
          if (peek() == ']') {
            pos++;
            return;
          }
          while (true) {
            value(depth + 1);
            skipSpace();
            if (peek() == ',') {
              pos++;
            } else {
              expect(']');
              return;
            }
          }
        }
        case '"' -> string();
        case 't' -> literal("true");
        case 'f' -> literal("false");
        case 'n' -> literal("null");
        default -> number();
      }
    }

    void literal(String word) {
      if (!text.startsWith(word, pos)) {
        throw fail("expected " + word);
      }
      pos += word.length();
    }

    void string() {
      expect('"');
      while (true) {
        char c = peek();
        pos++;
        if (c == '"') {
          return;
        }
        if (c < 0x20) {
          pos--;
          throw fail("control character in a string");
        }
        if (c == '\\') {
          char e = peek();
          pos++;
          if (e == 'u') {
            for (int i = 0; i < 4; i++) {
              if (Character.digit(peek(), 16) < 0) {
                throw fail("bad \\u escape");
              }
              pos++;
            }
          } else if ("\"\\/bfnrt".indexOf(e) < 0) {
            pos--;
            throw fail("bad escape \\" + e);
          }
        }
      }
    }

    void number() {
      int start = pos;
      if (pos < text.length() && text.charAt(pos) == '-') {
        pos++;
      }
      int digits = digits();
      if (digits == 0) {
        pos = start;
        throw fail("unexpected character '" + peek() + "'");
      }
      if (digits > 1 && text.charAt(pos - digits) == '0') {
        throw fail("leading zero in a number");
      }
      if (pos < text.length() && text.charAt(pos) == '.') {
        pos++;
        if (digits() == 0) {
          throw fail("digit expected after '.'");
        }
      }
      if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
        pos++;
        if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
          pos++;
        }
        if (digits() == 0) {
          throw fail("digit expected in the exponent");
        }
      }
    }

    int digits() {
      int n = 0;
      while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
        pos++;
        n++;
      }
      return n;
    }

    IllegalStateException fail(String what) {
      int line = 1;
      int column = 1;
      for (int i = 0; i < Math.min(pos, text.length()); i++) {
        if (text.charAt(i) == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      return new IllegalStateException(
          "is not valid JSON: " + what + " at line " + line + ", column " + column);
    }
  }
}
