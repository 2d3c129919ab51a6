package dev.tidings.ingress.internal;

import dev.tidings.ingress.Principal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;

/**
 * The key and Kafka headers of a message from its request: {@code Tidings-Key} (UTF-8) or {@code
 * Tidings-Key-Base64} (raw bytes), the trace context ({@link PostRequest#traceContext}), {@code X-Request-ID} as {@code
 * tidings.request-id}, {@code Tidings-Header-<name>} as {@code <name>}, and the principal as {@code
 * tidings.principal} (never taken from the client).
 *
 * @param key the Kafka key, or {@code null}
 */
record Outgoing(byte[] key, Map<String, String> headers) {
  static final String PRINCIPAL = "tidings.principal";
  static final String REQUEST_ID = "tidings.request-id";
  private static final String HEADER_PREFIX = "tidings-header-";

  /** From the request's headers. */
  static Outgoing of(PostRequest request, boolean authenticated) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpField f : request.headers()) {
      String name = f.getName();
      if (name.length() > HEADER_PREFIX.length()
          && name.regionMatches(true, 0, HEADER_PREFIX, 0, HEADER_PREFIX.length())) {
        headers.put(name.substring(HEADER_PREFIX.length()), f.getValue());
      }
    }
    byte[] key = key(request.header("Tidings-Key"), request.header("Tidings-Key-Base64"), "header Tidings-Key");
    common(headers, request, authenticated);
    return new Outgoing(key, headers);
  }

  /** Trace, request id and principal, which no client-given header overrides. */
  static void common(Map<String, String> headers, PostRequest request, boolean authenticated) {
    headers.remove("traceparent");
    headers.remove("tracestate");
    headers.putAll(request.traceContext());
    headers.put(REQUEST_ID, request.requestId());
    Principal principal = request.principal();
    if (authenticated) {
      headers.put(PRINCIPAL, principal.name());
    } else {
      headers.remove(PRINCIPAL);
    }
  }

  /** The key from its UTF-8 or base64 form; both is an error. */
  static byte[] key(String utf8, String base64, String where) {
    if (utf8 != null && base64 != null) {
      throw new HttpError(400, "bad_key", "both a UTF-8 and a base64 key were given (" + where
          + "): send one of them");
    }
    if (utf8 != null) {
      return utf8.getBytes(StandardCharsets.UTF_8);
    }
    if (base64 != null) {
      try {
        return Base64.getDecoder().decode(base64.trim());
      } catch (IllegalArgumentException e) {
        throw new HttpError(400, "bad_key", "the base64 key (" + where + ") is not base64: "
            + e.getMessage().toLowerCase(Locale.ROOT) + "; encode the key bytes with standard base64");
      }
    }
    return null;
  }
}
