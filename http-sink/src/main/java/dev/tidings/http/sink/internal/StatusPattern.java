package dev.tidings.http.sink.internal;

import dev.tidings.ConfigurationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of HTTP status codes written as alternatives of three characters, digits or {@code .} for any
 * digit: {@code "2.."}, {@code "429|5.."}, {@code "200|201|3.."}. The empty string matches nothing.
 */
public final class StatusPattern {
  private final String text;
  private final List<String> alternatives;

  private StatusPattern(String text, List<String> alternatives) {
    this.text = text;
    this.alternatives = alternatives;
  }

  /**
   * Parses {@code text}.
   *
   * @throws ConfigurationException naming {@code setting} when an alternative is not three digits or dots
   */
  public static StatusPattern parse(String text, String setting) {
    List<String> out = new ArrayList<>();
    String trimmed = text == null ? "" : text.strip();
    if (!trimmed.isEmpty()) {
      for (String part : trimmed.split("\\|")) {
        String p = part.strip();
        if (!p.matches("[1-5.][0-9.]{2}")) {
          throw new ConfigurationException(setting + " is '" + text + "': '" + p + "' is not a status pattern;"
              + " write three characters, digits or '.' for any digit, separated by '|', e.g. \"429|5..\"");
        }
        out.add(p);
      }
    }
    return new StatusPattern(trimmed, List.copyOf(out));
  }

  /** Whether {@code status} matches one alternative. */
  public boolean matches(int status) {
    String s = Integer.toString(status);
    if (s.length() != 3) {
      return false;
    }
    for (String alt : alternatives) {
      boolean ok = true;
      for (int i = 0; i < 3 && ok; i++) {
        char c = alt.charAt(i);
        ok = c == '.' || c == s.charAt(i);
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return text;
  }
}
