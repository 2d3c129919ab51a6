package dev.tidings.internal.asyncapi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a plain tree as block-style YAML, the same bytes on every machine: two-space indentation,
 * sequences at the indentation of their key, no document marker, a newline at the end. A string is
 * written plain when no YAML 1.1 or 1.2 reader could take it for anything else (letters, digits and
 * a few punctuation marks, not {@code yes}/{@code null}/..., not a number or date), and double-quoted
 * with escapes otherwise.
 */
public final class Yaml {
  /** Words that YAML 1.1 or 1.2 read as booleans or null, in any case. */
  private static final Set<String> RESERVED =
      Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "<<");

  private Yaml() {}

  /** {@code tree}, an object, as YAML. */
  public static String write(Map<String, Object> tree) {
    StringBuilder out = new StringBuilder(4096);
    if (tree.isEmpty()) {
      return "{}\n";
    }
    object(tree, 0, false, out);
    return out.toString();
  }

  private static void object(Map<?, ?> object, int indent, boolean inline, StringBuilder out) {
    boolean first = true;
    for (Map.Entry<?, ?> e : object.entrySet()) {
      if (!(first && inline)) {
        pad(indent, out);
      }
      first = false;
      scalar(String.valueOf(e.getKey()), out);
      out.append(':');
      Object value = e.getValue();
      if (value instanceof Map<?, ?> map && !map.isEmpty()) {
        out.append('\n');
        object(map, indent + 2, false, out);
      } else if (value instanceof List<?> list && !list.isEmpty()) {
        out.append('\n');
        array(list, indent, false, out);
      } else {
        out.append(' ');
        scalar(value, out);
        out.append('\n');
      }
    }
  }

  private static void array(List<?> array, int indent, boolean inline, StringBuilder out) {
    boolean first = true;
    for (Object item : array) {
      if (!(first && inline)) {
        pad(indent, out);
      }
      first = false;
      out.append("- ");
      if (item instanceof Map<?, ?> map && !map.isEmpty()) {
        object(map, indent + 2, true, out);
      } else if (item instanceof List<?> list && !list.isEmpty()) {
        array(list, indent + 2, true, out);
      } else {
        scalar(item, out);
        out.append('\n');
      }
    }
  }

  private static void pad(int indent, StringBuilder out) {
    for (int i = 0; i < indent; i++) {
      out.append(' ');
    }
  }

  private static void scalar(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Map<?, ?>) {
      out.append("{}");
    } else if (value instanceof List<?>) {
      out.append("[]");
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof BigDecimal d) {
      out.append(d.toPlainString());
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("not a JSON number: " + d);
      }
      out.append(BigDecimal.valueOf(d).toPlainString());
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static void string(String s, StringBuilder out) {
    if (plain(s)) {
      out.append(s);
      return;
    }
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff'
              || Character.isSurrogate(c) && !pair(s, i)) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Whether the surrogate at {@code i} is half of a well-formed pair. */
  private static boolean pair(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /** Whether {@code s} can be written without quotes and read back as the same string. */
  static boolean plain(String s) {
    if (s.isEmpty() || RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
      return false;
    }
    char first = s.charAt(0);
    if (first >= '0' && first <= '9') {
      return s.matches("[0-9]+(\\.[0-9]+){2,}"); // a version such as 3.0.0, which no YAML reads as a number
    }
    if (!(Character.isLetter(first) && first < 0x80) && first != '_' && first != '$' && first != '/') {
      return false;
    }
    if (s.charAt(s.length() - 1) == ' ') {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ordinary = c < 0x80 && (Character.isLetterOrDigit(c) || "_-./$()+;'=*<>@&%!?^|~ ".indexOf(c) >= 0);
      boolean colon = c == ':' && i + 1 < s.length() && s.charAt(i + 1) != ' ';
      boolean hash = c == '#' && s.charAt(i - 1) != ' ';
      if (!ordinary && !colon && !hash) {
        return false;
      }
    }
    return true;
  }
}
