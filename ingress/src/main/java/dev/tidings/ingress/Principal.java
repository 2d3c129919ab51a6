package dev.tidings.ingress;

import java.util.List;

/**
 * Who sent a request, and the streams it may publish to.
 *
 * @param name the principal's name, written to the {@code tidings.principal} header of every
 *     message it publishes
 * @param streams stream patterns (fnmatch globs: {@code *} matches any run of characters, dots
 *     included), e.g. {@code orders.*}; {@code *} allows every stream
 */
public record Principal(String name, List<String> streams) {
  /** The principal of every request when authentication is off: may publish everywhere. */
  public static final Principal ANONYMOUS = new Principal("anonymous", List.of("*"));

  public Principal {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a principal needs a name");
    }
    streams = List.copyOf(streams);
  }

  /** Whether one of the patterns matches {@code stream}. */
  public boolean mayPublishTo(String stream) {
    for (String pattern : streams) {
      if (glob(pattern, 0, stream, 0)) {
        return true;
      }
    }
    return false;
  }

  private static boolean glob(String p, int pi, String s, int si) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*') {
        for (int k = si; k <= s.length(); k++) {
          if (glob(p, pi + 1, s, k)) {
            return true;
          }
        }
        return false;
      }
      if (si >= s.length() || (c != '?' && c != s.charAt(si))) {
        return false;
      }
      pi++;
      si++;
    }
    return si == s.length();
  }
}
