package dev.tidings.worker.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of everything the worker prints or logs.
 *
 * <p>A setting is secret when its name contains {@code password}, {@code secret}, {@code token},
 * {@code sasl.jaas.config} or {@code key} (case-insensitive); its value is shown as {@value #MASK}.
 * Text that is printed or logged is masked twice: the values of the secret settings the worker was
 * given ({@link #remember}) are replaced wherever they appear, and anything that looks like an
 * assignment to a secret-looking name ({@code ssl.key.password=x}, {@code "sasl.jaas.config": "..."},
 * {@code password="x"}) has its value replaced, so that secrets the worker was not told about (a
 * setting echoed by a library, a mistyped command line) are caught too.
 *
 * <p>Thread-safe; the remembered values are global because the logging backend reads them.
 */
public final class Secrets {
  /** What a secret value is replaced with. */
  public static final String MASK = "******";

  private static final List<String> WORDS = List.of("password", "secret", "token", "sasl.jaas.config", "key");
  /** Remembered values shorter than this are only masked by name, not searched for in free text. */
  private static final int MIN_LITERAL = 4;
  private static final Set<String> KNOWN = new CopyOnWriteArraySet<>();
  private static final Pattern ASSIGNMENT = Pattern.compile(
      "(\"?)([A-Za-z][A-Za-z0-9_.\\-]*)\\1(\\s*[=:]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|\\[[^\\]]*\\]|[^\\s,;}\\]\"']+)");

  private Secrets() {}

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

  /** The settings sorted by name, with secret values replaced by {@value #MASK}. */
  public static Map<String, Object> masked(Map<String, ?> settings) {
    Map<String, Object> result = new TreeMap<>();
    settings.forEach((k, v) -> result.put(k, isSecret(k) ? MASK : v));
    return result;
  }

  /** {@code name=value, ...} sorted by name with secrets masked, or {@code (none)}. */
  public static String describe(Map<String, ?> settings) {
    if (settings.isEmpty()) {
      return "(none)";
    }
    StringBuilder text = new StringBuilder();
    masked(settings).forEach((k, v) -> text.append(text.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return text.toString();
  }

  /** Remembers the values of the secret settings, so that {@link #mask} hides them anywhere. */
  public static void remember(Map<String, ?> settings) {
    settings.forEach((k, v) -> {
      if (isSecret(k) && v != null) {
        remember(v.toString());
      }
    });
  }

  /** A value, and the secret assignments inside it (the password of a JAAS configuration). */
  private static void remember(String value) {
    if (value.length() >= MIN_LITERAL) {
      KNOWN.add(value);
    }
    Matcher m = ASSIGNMENT.matcher(value);
    int from = 0;
    while (from < value.length() && m.find(from)) {
      String inner = m.group(4);
      if (secretInFreeText(m.group(2)) && !inner.equals(value)) {
        boolean quoted = inner.length() >= 2 && (inner.charAt(0) == '"' || inner.charAt(0) == '\'');
        remember(quoted ? inner.substring(1, inner.length() - 1) : inner);
        from = m.end(4);
      } else {
        from = m.start(4);
      }
    }
  }

  /** Forgets every remembered value (for tests). */
  static void forgetAll() {
    KNOWN.clear();
  }

  /** {@code text} with every remembered secret value and every secret-looking assignment masked. */
  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    if (!KNOWN.isEmpty()) {
      // longest first, so that a value containing another one is replaced whole
      List<String> values = KNOWN.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
      for (String value : values) {
        result = result.replace(value, MASK);
      }
    }
    return maskAssignments(result);
  }

  private static String maskAssignments(String text) {
    Matcher m = ASSIGNMENT.matcher(text);
    StringBuilder out = null;
    int last = 0;
    int from = 0;
    while (from < text.length() && m.find(from)) {
      String value = m.group(4);
      if (!secretInFreeText(m.group(2)) || value.equals(MASK) || value.equals("\"" + MASK + "\"")) {
        // the value may itself hold an assignment: "Exception: sasl.jaas.config=..."
        from = m.start(4);
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      char quote = value.charAt(0);
      String replacement = quote == '"' || quote == '\'' ? quote + MASK + quote : MASK;
      out.append(text, last, m.start(4)).append(replacement);
      last = m.end(4);
      from = last;
    }
    if (out == null) {
      return text;
    }
    return out.append(text, last, text.length()).toString();
  }

  /**
   * In free text a bare word such as {@code key=} is too common to mask: a name that is secret only
   * because it contains {@code key} must look like a setting (dotted, e.g. {@code ssl.key.password},
   * {@code ssl.keystore.key}).
   */
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
}
