package dev.tidings.processor.internal;

/**
 * Checks stream names and subscription patterns at compile time, with the syntax the runtime
 * uses: fnmatch globs ({@code *} any run of characters, {@code ?} one character, {@code [seq]} and
 * {@code [!seq]} a character class) over Kafka topic names (letters, digits, {@code .}, {@code _},
 * {@code -}, at most 249 characters).
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
        int start = i + 1;
        if (start < pattern.length() && pattern.charAt(start) == '!') {
          start++;
        }
        // as in fnmatch, a ']' right after '[' or '[!' belongs to the class
        int close = pattern.indexOf(']', start + 1);
        if (start >= pattern.length() || close < 0) {
          return "the '[' at position " + (i + 1) + " is never closed with ']'";
        }
        String body = pattern.substring(start, close);
        for (int j = 0; j < body.length(); j++) {
          char b = body.charAt(j);
          if (b == '-' && j > 0 && j < body.length() - 1) {
            if (body.charAt(j - 1) > body.charAt(j + 1)) {
              return "the range " + body.charAt(j - 1) + "-" + body.charAt(j + 1) + " in ["
                  + pattern.substring(i + 1, close) + "] is reversed";
            }
          } else if (!isTopicChar(b)) {
            return "the class [" + pattern.substring(i + 1, close) + "] contains " + describe(b)
                + ", which no topic name holds";
          }
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
