package dev.tidings.internal.consumer;

import java.util.regex.Pattern;

/**
 * Translates fnmatch-style globs into regular expressions: {@code *} matches any run of characters
 * (dots included), {@code ?} one character, {@code [seq]} / {@code [!seq]} a character class;
 * everything else is literal.
 */
public final class Globs {
  private Globs() {}

  /** Whether {@code glob} has a wildcard; without one it names a single topic. */
  public static boolean isPattern(String glob) {
    return glob.indexOf('*') >= 0 || glob.indexOf('?') >= 0 || glob.indexOf('[') >= 0;
  }

  /** The regular expression equivalent to {@code glob}, anchored at both ends. */
  public static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder(glob.length() + 16);
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i++);
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        case '[' -> {
          int close = glob.indexOf(']', i + (i < glob.length() && glob.charAt(i) == '!' ? 2 : 1));
          if (close < 0) {
            regex.append("\\[");
          } else {
            String body = glob.substring(i, close);
            i = close + 1;
            regex.append('[');
            if (body.startsWith("!")) {
              regex.append('^');
              body = body.substring(1);
            }
            regex.append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
          }
        }
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }

  /**
   * The pattern a subscription uses for {@code prefix + glob}. Dead-letter topics (ending in
   * {@code deadLetterSuffix}) are excluded unless the glob itself ends with the suffix, so that a
   * subscription never consumes its own dead letters.
   */
  public static Pattern subscriptionPattern(String prefix, String glob, String deadLetterSuffix) {
    String regex = Pattern.quote(prefix) + toRegex(glob);
    if (!glob.endsWith(deadLetterSuffix)) {
      regex = "(?!.*" + Pattern.quote(deadLetterSuffix) + "$)" + regex;
    }
    return Pattern.compile(regex);
  }
}
