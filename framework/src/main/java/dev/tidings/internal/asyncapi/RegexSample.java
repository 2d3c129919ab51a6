package dev.tidings.internal.asyncapi;

/**
 * A short string matching a simple regular expression: literals, escapes ({@code \d \w \s} and
 * escaped characters), classes ({@code [a-z0-9]}, negated ones excepted), groups, alternation (the
 * first branch), quantifiers ({@code ? * + {n} {n,m}}, the minimum, at least one for {@code +}) and
 * anchors. {@code null} for anything else; the caller checks the result against the pattern.
 */
final class RegexSample {
  private final String regex;
  private int at;

  private RegexSample(String regex) {
    this.regex = regex;
  }

  static String of(String regex) {
    try {
      RegexSample sample = new RegexSample(regex);
      String out = sample.alternatives();
      return sample.at == regex.length() ? out : null;
    } catch (IllegalStateException | IndexOutOfBoundsException e) {
      return null;
    }
  }

  private String alternatives() {
    String first = sequence();
    while (at < regex.length() && regex.charAt(at) == '|') {
      at++;
      sequence();
    }
    return first;
  }

  private String sequence() {
    StringBuilder out = new StringBuilder();
    while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
      String atom = atom();
      int times = quantifier();
      for (int i = 0; i < times; i++) {
        out.append(atom);
      }
    }
    return out.toString();
  }

  private String atom() {
    char c = regex.charAt(at++);
    switch (c) {
      case '^', '$':
        return "";
      case '.':
        return "a";
      case '(':
        if (regex.startsWith("?:", at)) {
          at += 2;
        }
        String inner = alternatives();
        expect(')');
        return inner;
      case '[':
        return klass();
      case '\\':
        return escape(regex.charAt(at++));
      case '*', '+', '?', '{':
        throw new IllegalStateException("a quantifier without an atom");
      default:
        return String.valueOf(c);
    }
  }

  private String klass() {
    if (regex.charAt(at) == '^') {
      throw new IllegalStateException("negated class");
    }
    char first = regex.charAt(at) == '\\' ? escape(regex.charAt(++at)).charAt(0) : regex.charAt(at);
    while (regex.charAt(at) != ']') {
      if (regex.charAt(at) == '\\') {
        at++;
      }
      at++;
    }
    at++;
    return String.valueOf(first);
  }

  private static String escape(char c) {
    return switch (c) {
      case 'd' -> "1";
      case 'w' -> "a";
      case 's' -> " ";
      case 'D', 'W', 'S', 'b', 'B' -> throw new IllegalStateException("unsupported escape");
      default -> String.valueOf(c);
    };
  }

  private int quantifier() {
    if (at >= regex.length()) {
      return 1;
    }
    char c = regex.charAt(at);
    if (c == '?' || c == '*') {
      at++;
      lazy();
      return 0;
    }
    if (c == '+') {
      at++;
      lazy();
      return 1;
    }
    if (c == '{') {
      int close = regex.indexOf('}', at);
      String body = regex.substring(at + 1, close);
      at = close + 1;
      lazy();
      return Integer.parseInt(body.split(",", -1)[0].trim());
    }
    return 1;
  }

  private void lazy() {
    if (at < regex.length() && regex.charAt(at) == '?') {
      at++;
    }
  }

  private void expect(char c) {
    if (regex.charAt(at++) != c) {
      throw new IllegalStateException("expected " + c);
    }
  }
}
