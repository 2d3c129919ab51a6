package dev.tidings.http.sink.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Replaces the values of secret headers by {@value #MASK} in what the sink records. */
final class Masking {
  static final String MASK = "***";
  private final Set<String> secretNames;

  /** @param secretNames lower-case header names to mask */
  Masking(Set<String> secretNames) {
    this.secretNames = secretNames;
  }

  /** A copy of {@code headers} with secret values masked, in name order. */
  Map<String, List<String>> mask(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new TreeMap<>();
    headers.forEach((name, values) -> {
      if (secretNames.contains(name.toLowerCase(Locale.ROOT))) {
        List<String> masked = new ArrayList<>();
        values.forEach(v -> masked.add(MASK));
        out.put(name, List.copyOf(masked));
      } else {
        out.put(name, List.copyOf(values));
      }
    });
    return out;
  }

  /** Response headers without HTTP/2 pseudo headers, secret ones masked. */
  Map<String, List<String>> responseHeaders(Map<String, List<String>> headers) {
    Map<String, List<String>> plain = new LinkedHashMap<>();
    headers.forEach((k, v) -> {
      if (!k.startsWith(":")) {
        plain.put(k, v);
      }
    });
    return mask(plain);
  }
}
