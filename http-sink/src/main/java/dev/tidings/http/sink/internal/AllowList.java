package dev.tidings.http.sink.internal;

import dev.tidings.ConfigurationException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Where a sink may send requests. An entry is a host ({@code api.example.com}), a host with a port
 * ({@code localhost:8080}), a wildcard host ({@code *.example.com}: subdomains only), or a URL prefix
 * ({@code https://api.example.com/v1/}); a prefix matches only at a path boundary, so {@code
 * https://api.example} does not allow {@code https://api.example.evil}. Only {@code http} and {@code
 * https} URLs are ever allowed. An empty list allows everything (forward mode only).
 */
public final class AllowList {
  private final List<String> entries;

  private AllowList(List<String> entries) {
    this.entries = entries;
  }

  /**
   * Checks and keeps {@code entries}.
   *
   * @throws ConfigurationException when an entry is blank, or a URL prefix is not an http(s) URL
   */
  public static AllowList of(List<String> entries) {
    for (String e : entries) {
      if (e == null || e.isBlank() || e.contains(" ")) {
        throw new ConfigurationException("allow-list entry '" + e + "' is blank or contains a space: write a host"
            + " (api.example.com), host:port, *.domain or a URL prefix (https://api.example.com/v1/)");
      }
      if (e.contains("://")) {
        URI u = URI.create(e);
        if (!isHttp(u) || u.getHost() == null) {
          throw new ConfigurationException("allow-list entry '" + e + "' is not an http or https URL prefix");
        }
      }
    }
    return new AllowList(List.copyOf(entries));
  }

  /** Whether nothing is listed. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The entries as given. */
  public List<String> entries() {
    return entries;
  }

  private static boolean isHttp(URI u) {
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https");
  }

  /** Whether {@code uri} may be called. */
  public boolean allows(URI uri) {
    if (!isHttp(uri) || uri.getHost() == null) {
      return false;
    }
    if (entries.isEmpty()) {
      return true;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort() >= 0 ? uri.getPort() : (uri.getScheme().equalsIgnoreCase("https") ? 443 : 80);
    for (String entry : entries) {
      if (entry.contains("://") ? prefixAllows(entry, uri) : hostAllows(entry.toLowerCase(Locale.ROOT), host, port)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hostAllows(String entry, String host, int port) {
    String entryHost = entry;
    int colon = entry.lastIndexOf(':');
    if (colon > 0 && !entry.endsWith("]")) {
      entryHost = entry.substring(0, colon);
      if (!entry.substring(colon + 1).equals(Integer.toString(port))) {
        return false;
      }
    }
    if (entryHost.startsWith("*.")) {
      return host.endsWith(entryHost.substring(1));
    }
    return host.equals(entryHost);
  }

  private static boolean prefixAllows(String prefix, URI uri) {
    URI p = URI.create(prefix);
    if (!p.getScheme().equalsIgnoreCase(uri.getScheme()) || !p.getHost().equalsIgnoreCase(uri.getHost())
        || effectivePort(p) != effectivePort(uri)) {
      return false;
    }
    String prefixPath = p.getRawPath() == null ? "" : p.getRawPath();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (prefixPath.isEmpty() || prefixPath.equals("/")) {
      return true;
    }
    if (!path.startsWith(prefixPath)) {
      return false;
    }
    return prefixPath.endsWith("/") || path.length() == prefixPath.length() || path.charAt(prefixPath.length()) == '/';
  }

  private static int effectivePort(URI u) {
    return u.getPort() >= 0 ? u.getPort() : (u.getScheme().equalsIgnoreCase("https") ? 443 : 80);
  }

  @Override
  public String toString() {
    return entries.toString();
  }
}
