package dev.tidings.logging.internal;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the configured secrets out of the extension's own reports, the way the worker masks its output.
 *
 * <p>A setting is secret when its name contains {@code password}, {@code secret}, {@code token}, {@code
 * sasl.jaas.config} or {@code key} (case-insensitive). {@link #mask(String)} replaces, in any text, the values of the
 * secret settings this handler or appender was given (and the passwords inside a JAAS configuration), and the value
 * of anything that looks like an assignment to a secret-looking name ({@code ssl.key.password=x}, {@code
 * password="x"}), so that a secret echoed by the Kafka client is caught too. {@link #mask(Throwable)} does the same
 * for an exception chain. The masking never throws.
 *
 * <p>The worker has its own copy of these rules: the logging extension must not depend on the worker.
 */
public final class Secrets {
  /** What a secret value is replaced with. */
  public static final String MASK = "******";
  /** Masks only the assignments: for reports made before any setting was read. */
  public static final Secrets NONE = new Secrets(Set.of());

  private static final List<String> WORDS = List.of("password", "secret", "token", "sasl.jaas.config", "key");
  /** Values shorter than this are masked by name only, not searched for in free text. */
  private static final int MIN_LITERAL = 4;
  private static final Pattern ASSIGNMENT = Pattern.compile(
      "(\"?)([A-Za-z][A-Za-z0-9_.\\-]*)\\1(\\s*[=:]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|\\[[^\\]]*\\]|[^\\s,;}\\]\"']+)");

  private final List<String> known;

  private Secrets(Set<String> known) {
    this.known = known.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  /**
   * The secrets among {@code settings}.
   *
   * @param settings setting names and values, e.g. Kafka client settings
   */
  public static Secrets of(Map<String, String> settings) {
    Set<String> values = new LinkedHashSet<>();
    settings.forEach((k, v) -> {
      if (k != null && v != null && isSecret(k)) {
        collect(v, values);
      }
    });
    return new Secrets(values);
  }

  /** Whether a setting of this name holds a secret. */
  public static boolean isSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String word : WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** {@code text} with every known secret and every secret-looking assignment masked; null stays null. */
  public String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    try {
      String result = text;
      for (String value : known) {
        result = result.replace(value, MASK);
      }
      return maskAssignments(result);
    } catch (RuntimeException e) {
      return "[report withheld: it could not be masked]";
    }
  }

  /**
   * {@code error} itself when no message in its chain holds a secret, else a copy of the chain with masked messages
   * (the same class names in {@code toString()}, the same stack traces).
   */
  public Throwable mask(Throwable error) {
    if (error == null || !needsMasking(error, 0)) {
      return error;
    }
    return copy(error, 0);
  }

  private boolean needsMasking(Throwable error, int depth) {
    for (Throwable t = error; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
      String text = t.toString();
      if (!text.equals(mask(text))) {
        return true;
      }
      for (Throwable s : t.getSuppressed()) {
        if (needsMasking(s, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  private Throwable copy(Throwable error, int depth) {
    Throwable cause = error.getCause() == null || error.getCause() == error || depth >= 32 ? null
        : copy(error.getCause(), depth + 1);
    Masked masked = new Masked(mask(error.toString()), cause);
    masked.setStackTrace(error.getStackTrace());
    for (Throwable s : error.getSuppressed()) {
      masked.addSuppressed(copy(s, depth + 1));
    }
    return masked;
  }

  /** A value, and the secret assignments inside it (the password of a JAAS configuration). */
  private static void collect(String value, Set<String> into) {
    if (value.length() >= MIN_LITERAL) {
      into.add(value);
    }
    Matcher m = ASSIGNMENT.matcher(value);
    int from = 0;
    while (from < value.length() && m.find(from)) {
      String inner = m.group(4);
      if (secretInFreeText(m.group(2)) && !inner.equals(value)) {
        boolean quoted = inner.length() >= 2 && (inner.charAt(0) == '"' || inner.charAt(0) == '\'');
        collect(quoted ? inner.substring(1, inner.length() - 1) : inner, into);
        from = m.end(4);
      } else {
        from = m.start(4);
      }
    }
  }

  private static String maskAssignments(String text) {
    Matcher m = ASSIGNMENT.matcher(text);
    StringBuilder out = null;
    int last = 0;
    int from = 0;
    while (from < text.length() && m.find(from)) {
      String value = m.group(4);
      if (!secretInFreeText(m.group(2)) || value.equals(MASK) || value.equals("\"" + MASK + "\"")) {
        from = m.start(4);
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      char quote = value.charAt(0);
      out.append(text, last, m.start(4)).append(quote == '"' || quote == '\'' ? quote + MASK + quote : MASK);
      last = m.end(4);
      from = last;
    }
    return out == null ? text : out.append(text, last, text.length()).toString();
  }

  /** In free text a bare {@code key=} is too common to mask: such a name must look like a setting (dotted). */
  private static boolean secretInFreeText(String name) {
    if (!isSecret(name)) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (String word : WORDS) {
      if (!word.equals("key") && lower.contains(word)) {
        return true;
      }
    }
    return lower.contains(".");
  }

  /** An exception whose {@code toString()} is the masked {@code toString()} of the original. */
  static final class Masked extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String text;

    Masked(String text, Throwable cause) {
      super(text, cause);
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
