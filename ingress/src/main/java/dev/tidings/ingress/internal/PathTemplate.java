package dev.tidings.ingress.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A path such as {@code /v1/streams/{stream}/batch}: literal segments and {@code {name}}
 * segments, each matching one non-empty segment. A trailing {@code /} is part of the path: {@code
 * /docs/} and {@code /docs} are two routes.
 */
public final class PathTemplate {
  private final String text;
  private final String[] segments;

  private PathTemplate(String text, String[] segments) {
    this.text = text;
    this.segments = segments;
  }

  /**
   * Parses a template.
   *
   * @throws IllegalArgumentException when it does not start with {@code /} or has an empty segment
   */
  public static PathTemplate parse(String text) {
    if (text == null || !text.startsWith("/")) {
      throw new IllegalArgumentException("path '" + text + "' must start with '/', e.g. /v1/openlineage");
    }
    if (text.equals("/")) {
      return new PathTemplate(text, new String[0]);
    }
    String[] parts = text.substring(1).split("/", -1);
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i].isEmpty()) {
        throw new IllegalArgumentException("path '" + text + "' has an empty segment; remove the extra '/'");
      }
    }
    return new PathTemplate(text, parts);
  }

  /** The parameters, or {@code null} when {@code path} does not match. */
  public Map<String, String> match(String path) {
    if (path.equals("/")) {
      return segments.length == 0 ? Map.of() : null;
    }
    if (segments.length == 0 || !path.startsWith("/")) {
      return null;
    }
    String[] parts = path.substring(1).split("/", -1);
    if (parts.length != segments.length) {
      return null;
    }
    Map<String, String> params = null;
    for (int i = 0; i < parts.length; i++) {
      String s = segments[i];
      if (isParameter(s)) {
        if (parts[i].isEmpty()) {
          return null;
        }
        if (params == null) {
          params = new java.util.HashMap<>(2);
        }
        params.put(s.substring(1, s.length() - 1), parts[i]);
      } else if (!s.equals(parts[i])) {
        return null;
      }
    }
    return params == null ? Map.of() : params;
  }

  /** The names of the parameters in order. */
  public List<String> parameters() {
    List<String> names = new ArrayList<>();
    for (String s : segments) {
      if (isParameter(s)) {
        names.add(s.substring(1, s.length() - 1));
      }
    }
    return names;
  }

  private static boolean isParameter(String segment) {
    return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
  }

  @Override
  public String toString() {
    return text;
  }
}
