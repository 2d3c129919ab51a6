package dev.tidings.http.sink.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.ConfigurationException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A URL with {@code {/json/pointer}} placeholders into the message's envelope, e.g. {@code
 * https://hooks.example/{/data/tenant}/orders}. Values are percent-encoded (a placeholder never adds
 * a {@code /}, {@code ?} or {@code #}); a text node gives its text, other nodes their JSON.
 */
final class UrlTemplate {
  private final String text;
  private final List<String> literals = new ArrayList<>();
  private final List<String> pointers = new ArrayList<>();

  UrlTemplate(String text, String where) {
    this.text = text;
    int i = 0;
    StringBuilder literal = new StringBuilder();
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{') {
        int end = text.indexOf('}', i);
        String pointer = end < 0 ? "" : text.substring(i + 1, end);
        if (end < 0 || !pointer.startsWith("/")) {
          throw new ConfigurationException(where + ": url '" + text + "' has a placeholder at " + i + " that is not"
              + " {/json/pointer}: write e.g. {/data/tenant}");
        }
        literals.add(literal.toString());
        literal.setLength(0);
        pointers.add(pointer);
        i = end + 1;
      } else {
        literal.append(c);
        i++;
      }
    }
    literals.add(literal.toString());
    URI sample;
    try {
      sample = URI.create(expandWith(p -> "x"));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(where + ": url '" + text + "' is not a URL: " + e.getMessage(), e);
    }
    String scheme = sample.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || sample.getHost() == null) {
      throw new ConfigurationException(where + ": url '" + text + "' is not an absolute http or https URL");
    }
  }

  /** Whether a placeholder stands in the scheme or authority (then an allow-list is needed). */
  boolean placeholderInOrigin() {
    if (pointers.isEmpty()) {
      return false;
    }
    String first = literals.get(0);
    int schemeEnd = first.indexOf("://");
    return schemeEnd < 0 || first.indexOf('/', schemeEnd + 3) < 0;
  }

  /** The {@code scheme://host[:port]/} of the template, when it has no placeholder there. */
  String origin() {
    URI u = URI.create(literals.get(0).isEmpty() ? text : expandWith(p -> "x"));
    return u.getScheme() + "://" + u.getRawAuthority() + "/";
  }

  /**
   * The path (and query) of the template with its placeholders, e.g. {@code /hooks/{/data/tenant}}, as the
   * low-cardinality {@code url.template} of the HTTP spans; null when a placeholder stands in the origin.
   */
  String pathTemplate() {
    if (placeholderInOrigin()) {
      return null;
    }
    int path = text.indexOf('/', text.indexOf("://") + 3);
    return path < 0 ? "/" : text.substring(path);
  }

  /** The URL for {@code envelope}; throws {@link InvalidMessageException} when a pointer finds nothing. */
  URI expand(JsonNode envelope) {
    String url = expandWith(pointer -> {
      JsonNode node = envelope.at(pointer);
      if (node.isMissingNode() || node.isNull()) {
        throw new InvalidMessageException("the message has no value at " + pointer + ", which the sink's url '"
            + text + "' needs");
      }
      return node.isValueNode() ? node.asText() : node.toString();
    });
    try {
      return URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new InvalidMessageException("url '" + url + "' made from template '" + text + "' is not valid: "
          + e.getMessage(), e);
    }
  }

  private String expandWith(java.util.function.Function<String, String> values) {
    StringBuilder out = new StringBuilder(literals.get(0));
    for (int i = 0; i < pointers.size(); i++) {
      String value = values.apply(pointers.get(i));
      out.append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
      out.append(literals.get(i + 1));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
