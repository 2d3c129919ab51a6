package dev.tidings.processor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks stream names and subscription patterns at compile time, with the syntax the runtime
 * uses, which is Python's fnmatch exactly (kafkaesk subscribes with it): {@code *} any run of
 * characters, {@code ?} one character, {@code [seq]} and {@code [!seq]} a character class, over
 * Kafka topic names (letters, digits, {@code .}, {@code _}, {@code -}, at most 249 characters).
 * Inside brackets a {@code ]} right after {@code [} or {@code [!} and a {@code -} first or last
 * are literal, a hyphen right after a range is literal, and {@code ^} is an ordinary character.
 *
 * <p>The translation to a regular expression is the runtime's ({@code
 * dev.tidings.internal.consumer.Globs}); both are tested against the same table of fnmatch cases.
 */
final class Globs {
  static final int MAX_TOPIC_LENGTH = 249;

  private Globs() {}

  static boolean isTopicChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '.' || c == '_' || c == '-';
  }

  /** What is wrong with {@code stream} as a stream name, or {@code null}. */
  static String streamProblem(String stream) {
    if (stream.isBlank()) {
      return "is blank";
    }
    if (stream.length() > MAX_TOPIC_LENGTH) {
      return "is " + stream.length() + " characters long";
    }
    if (stream.equals(".") || stream.equals("..")) {
      return "is '" + stream + "', which Kafka does not allow as a topic name";
    }
    for (int i = 0; i < stream.length(); i++) {
      if (!isTopicChar(stream.charAt(i))) {
        return "contains " + describe(stream.charAt(i));
      }
    }
    return null;
  }

  /** What is wrong with {@code pattern} as a subscription pattern, or {@code null}. */
  static String patternProblem(String pattern) {
    if (pattern.isBlank()) {
      return "it is blank";
    }
    if (pattern.length() > MAX_TOPIC_LENGTH) {
      return "it is " + pattern.length() + " characters long, and a topic name has at most "
          + MAX_TOPIC_LENGTH;
    }
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '*' || c == '?') {
        i++;
      } else if (c == '[') {
        int close = classEnd(pattern, i + 1);
        if (close < 0) {
          return "the '[' at position " + (i + 1) + " is never closed with ']'";
        }
        String problem = classProblem(pattern.substring(i + 1, close));
        if (problem != null) {
          return problem;
        }
        i = close + 1;
      } else if (isTopicChar(c)) {
        i++;
      } else {
        return "it contains " + describe(c) + " at position " + (i + 1)
            + ", which no topic name holds";
      }
    }
    return null;
  }

  /** The index of the {@code ]} closing the class that starts at {@code from}, or -1 (fnmatch's rule). */
  private static int classEnd(String glob, int from) {
    int j = from;
    if (j < glob.length() && glob.charAt(j) == '!') {
      j++;
    }
    if (j < glob.length() && glob.charAt(j) == ']') {
      j++;
    }
    while (j < glob.length() && glob.charAt(j) != ']') {
      j++;
    }
    return j < glob.length() ? j : -1;
  }

  private static String classProblem(String body) {
    String shown = "[" + body + "]";
    if (body.startsWith("^")) {
      return "the class " + shown + " matches '^' or " + quoteAll(body.substring(1))
          + " (in fnmatch '^' is not a negation; write [!" + body.substring(1) + "] to match any other"
          + " character)";
    }
    List<String> chunks = chunks(body);
    for (int m = 1; m < chunks.size(); m++) {
      String before = chunks.get(m - 1);
      String after = chunks.get(m);
      if (!before.isEmpty() && !after.isEmpty() && before.charAt(before.length() - 1) > after.charAt(0)) {
        return "the range " + before.charAt(before.length() - 1) + "-" + after.charAt(0) + " in " + shown
            + " is reversed and matches nothing";
      }
    }
    boolean negated = body.startsWith("!");
    for (int m = 0; m < chunks.size(); m++) {
      String chunk = m == 0 && negated ? chunks.get(m).substring(1) : chunks.get(m);
      for (int k = 0; k < chunk.length(); k++) {
        boolean rangeEnd = (k == 0 && m > 0) || (k == chunk.length() - 1 && m < chunks.size() - 1);
        if (!rangeEnd && !isTopicChar(chunk.charAt(k))) {
          return "the class " + shown + " contains " + describe(chunk.charAt(k)) + ", which no topic name holds";
        }
      }
    }
    Pattern regex = Pattern.compile(toRegex(shown));
    for (char c = 0; c < 128; c++) {
      if (isTopicChar(c) && regex.matcher(String.valueOf(c)).matches()) {
        return null;
      }
    }
    return "the class " + shown + " matches no character a topic name can hold";
  }

  private static String quoteAll(String chars) {
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < chars.length(); k++) {
      out.append(k == 0 ? "" : k == chars.length() - 1 ? " or " : ", ").append('\'').append(chars.charAt(k))
          .append('\'');
    }
    return out.length() == 0 ? "nothing else" : out.toString();
  }

  /** The regular expression equivalent to {@code glob}, anchored at both ends (as the runtime builds it). */
  static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder(glob.length() + 16).append("(?s:");
    int i = 0;
    boolean star = false;
    while (i < glob.length()) {
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
        int close = classEnd(glob, i);
        if (close < 0) {
          regex.append(literal('['));
        } else {
          regex.append(charClass(glob.substring(i, close)));
          i = close + 1;
        }
      } else {
        regex.append(literal(c));
      }
    }
    return regex.append(')').toString();
  }

  /**
   * A bracket body split at its range hyphens as fnmatch splits it (the first character after
   * {@code !} never starts a range; a hyphen right after a range is literal; a trailing hyphen is
   * literal).
   */
  private static List<String> chunks(String body) {
    List<String> chunks = new ArrayList<>();
    if (body.indexOf('-') < 0) {
      chunks.add(body);
      return chunks;
    }
    int start = 0;
    int k = body.startsWith("!") ? 2 : 1;
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
    return chunks;
  }

  private static String charClass(String body) {
    boolean negated = body.startsWith("!");
    List<String> chunks = chunks(body);
    // A reversed range (z-a) matches nothing: drop both of its ends.
    for (int m = chunks.size() - 1; m > 0; m--) {
      String before = chunks.get(m - 1);
      String after = chunks.get(m);
      if (!before.isEmpty() && !after.isEmpty() && before.charAt(before.length() - 1) > after.charAt(0)) {
        chunks.set(m - 1, before.substring(0, before.length() - 1) + after.substring(1));
        chunks.remove(m);
      }
    }
    if (negated) {
      chunks.set(0, chunks.get(0).substring(1));
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

  private static String literal(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
      return String.valueOf(c);
    }
    return String.format("\\x{%x}", (int) c);
  }

  private static String describe(char c) {
    if (Character.isWhitespace(c)) {
      return "whitespace";
    }
    if (Character.isISOControl(c) || c > 0x7e) {
      return String.format("'\\u%04x'", (int) c);
    }
    return "'" + c + "'";
  }
}
