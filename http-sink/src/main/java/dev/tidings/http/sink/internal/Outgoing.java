package dev.tidings.http.sink.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A request the sink is about to send: method, URL, headers (names as given), body bytes, and the
 * per-attempt timeout ({@code null}: the sink's).
 */
record Outgoing(String method, URI uri, Map<String, List<String>> headers, byte[] body, Duration timeout) {

  /** The same request to {@code target} (a redirect); {@code asGet} drops the body and uses GET. */
  Outgoing redirect(URI target, boolean asGet) {
    return new Outgoing(asGet ? "GET" : method, target, headers, asGet ? new byte[0] : body, timeout);
  }

  /** Whether a header of this name (case-insensitive) is present. */
  boolean has(String name) {
    for (String h : headers.keySet()) {
      if (h.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
