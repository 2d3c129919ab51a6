package dev.tidings.internal.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Translates fnmatch globs into regular expressions exactly as Python's {@code fnmatch.translate}
 * does (kafkaesk subscribes with it, so both pick the same topics for the same pattern): {@code *}
 * matches any run of characters (dots included), {@code ?} one character, {@code [seq]} one
 * character of {@code seq}, {@code [!seq]} one character not in it. Inside brackets {@code a-z} is
 * a range (a reversed one matches nothing), a {@code ]} right after {@code [} or {@code [!} and a
 * {@code -} first or last are literal, and {@code ^} is an ordinary character ({@code [^x]} matches
 * {@code ^} or {@code x}). A {@code [} that is never closed is literal. There is no escape
 * character: brackets escape ({@code [*]} matches {@code *}), and a backslash is literal.
 */
public final class Globs {
  private Globs() {}

  /** Whether {@code glob} has a wildcard; without one it names a single topic. */
  public static boolean isPattern(String glob) {
    return glob.indexOf('*') >= 0 || glob.indexOf('?') >= 0 || glob.indexOf('[') >= 0;
  }

  /** The regular expression equivalent to {@code glob}, anchored at both ends. */
  public static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder(glob.length() + 16).append("(?s:");
    int n = glob.length();
    int i = 0;
    boolean star = false;
    while (i < n) {
      char c = glob.charAt(i++);
      if (c == '*') {
        if (!star) {
          regex.append(".*");
        }
        star = true;
        continue;
      }
      star = false;
      if (c == '?') {
        regex.append('.');
      } else if (c == '[') {
        int j = i;
        if (j < n && glob.charAt(j) == '!') {
          j++;
        }
        if (j < n && glob.charAt(j) == ']') {
          j++;
        }
        while (j < n && glob.charAt(j) != ']') {
          j++;
        }
        if (j >= n) {
          regex.append(literal('['));
        } else {
          regex.append(charClass(glob.substring(i, j)));
          i = j + 1;
        }
      } else {
        regex.append(literal(c));
      }
    }
    return regex.append(')').toString();
  }

  /**
   * One bracket expression, {@code body} being what stands between {@code [} and {@code ]}. Split
   * at range hyphens the way fnmatch does: the first character (after {@code !}) never starts a
   * range, and a hyphen right after a range is literal.
   */
  private static String charClass(String body) {
    boolean negated = body.startsWith("!");
    List<String> chunks = new ArrayList<>();
    if (body.indexOf('-') < 0) {
      chunks.add(body);
    } else {
      int start = 0;
      int k = negated ? 2 : 1;
      while (true) {
        k = k < body.length() ? body.indexOf('-', k) : -1;
        if (k < 0) {
          break;
        }
        chunks.add(body.substring(start, k));
        start = k + 1;
        k += 3;
      }
      String last = body.substring(start);
      if (last.isEmpty()) {
        chunks.set(chunks.size() - 1, chunks.get(chunks.size() - 1) + "-");
      } else {
        chunks.add(last);
      }
      // A reversed range (z-a) matches nothing: drop both of its ends.
      for (int m = chunks.size() - 1; m > 0; m--) {
        String before = chunks.get(m - 1);
        String after = chunks.get(m);
        if (!before.isEmpty() && !after.isEmpty() && before.charAt(before.length() - 1) > after.charAt(0)) {
          chunks.set(m - 1, before.substring(0, before.length() - 1) + after.substring(1));
          chunks.remove(m);
        }
      }
    }
    String first = chunks.get(0);
    if (negated) {
      chunks.set(0, first.substring(1));
    }
    if (chunks.size() == 1 && chunks.get(0).isEmpty()) {
      return negated ? "." : "(?!)";
    }
    StringBuilder out = new StringBuilder("[");
    if (negated) {
      out.append('^');
    }
    for (int m = 0; m < chunks.size(); m++) {
      if (m > 0) {
        out.append('-');
      }
      for (char ch : chunks.get(m).toCharArray()) {
        out.append(literal(ch));
      }
    }
    return out.append(']').toString();
  }

  /** {@code c} as a regular expression matching exactly that character, in or out of brackets. */
  private static String literal(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
      return String.valueOf(c);
    }
    return String.format("\\x{%x}", (int) c);
  }

  /**
   * The starts of the stream names Tidings uses for itself: the schema registry ({@code
   * _tidings_schemas}) and the reply streams of requesters ({@code tidings.replies.<id>}).
   */
  public static final List<String> INTERNAL_STREAM_STARTS = List.of("_tidings", "tidings.replies.");

  /**
   * The pattern a subscription uses for {@code prefix + glob}. It never matches one of the
   * subscription's own dead-letter topics, so that a subscription never consumes its own dead
   * letters. With the default dead-letter stream ({@code deadLetterStream} null) these are the
   * topics ending in {@code deadLetterSuffix}, all of them unless the glob itself ends with the
   * suffix, and then those whose name without the suffix the glob matches. A configured
   * dead-letter stream is excluded by its name, and {@code *.dlt} topics stay excluded as well
   * unless the glob ends with the suffix.
   *
   * <p>Nor does it match the streams Tidings keeps for itself, which carry no envelopes: those
   * starting with one of {@link #INTERNAL_STREAM_STARTS} (unless the glob starts with it too, as
   * {@code tidings.replies.*} does) and the configured {@code replyStream} (may be null).
   */
  public static Pattern subscriptionPattern(String prefix, String glob, String deadLetterSuffix,
      String deadLetterStream, String replyStream) {
    String matched = Pattern.quote(prefix) + toRegex(glob);
    StringBuilder regex = new StringBuilder();
    if (!glob.endsWith(deadLetterSuffix)) {
      regex.append("(?!.*").append(Pattern.quote(deadLetterSuffix)).append("$)");
    } else if (deadLetterStream == null) {
      regex.append("(?!").append(matched).append(Pattern.quote(deadLetterSuffix)).append("$)");
    }
    if (deadLetterStream != null) {
      regex.append("(?!").append(Pattern.quote(prefix + deadLetterStream)).append("$)");
    }
    for (String start : INTERNAL_STREAM_STARTS) {
      if (!glob.startsWith(start)) {
        regex.append("(?!").append(Pattern.quote(prefix + start)).append(")");
      }
    }
    if (replyStream != null) {
      regex.append("(?!").append(Pattern.quote(prefix + replyStream))
          .append("(?:").append(Pattern.quote(deadLetterSuffix)).append(")?$)");
    }
    return Pattern.compile(regex.append(matched).toString());
  }

  /** {@link #subscriptionPattern(String, String, String, String, String)} without a reply stream. */
  public static Pattern subscriptionPattern(String prefix, String glob, String deadLetterSuffix,
      String deadLetterStream) {
    return subscriptionPattern(prefix, glob, deadLetterSuffix, deadLetterStream, null);
  }

  /** {@link #subscriptionPattern(String, String, String, String)} with the default dead-letter streams. */
  public static Pattern subscriptionPattern(String prefix, String glob, String deadLetterSuffix) {
    return subscriptionPattern(prefix, glob, deadLetterSuffix, null);
  }
}
