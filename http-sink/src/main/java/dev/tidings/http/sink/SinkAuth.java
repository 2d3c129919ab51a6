package dev.tidings.http.sink;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the sink authenticates to its targets. Secrets are {@link Secret}s, read when needed; the
 * recorded request of an exchange shows {@code ***} in their place.
 */
public sealed interface SinkAuth {

  /** No authentication (the default). */
  static SinkAuth none() {
    return None.INSTANCE;
  }

  /** {@code Authorization: Bearer <token>}. */
  static SinkAuth bearer(Secret token) {
    return new Bearer(token);
  }

  /** {@code Authorization: Basic base64(user:password)}. */
  static SinkAuth basic(String user, Secret password) {
    return new Basic(user, password);
  }

  /**
   * OAuth2 client credentials: a token is fetched from {@code tokenUrl} (form POST with {@code
   * grant_type=client_credentials}, client id and secret in HTTP Basic), cached until shortly before it
   * expires, and fetched again once when a target answers 401.
   */
  static SinkAuth oauth2(URI tokenUrl, String clientId, Secret clientSecret, Optional<String> scope) {
    return new OAuth2(tokenUrl, clientId, clientSecret, scope);
  }

  /** Static headers whose values are secrets (an API key header, say); all are masked in exchanges. */
  static SinkAuth headers(Map<String, Secret> headers) {
    return new Headers(Map.copyOf(headers));
  }

  /** No authentication. */
  enum None implements SinkAuth {
    INSTANCE
  }

  /** @param token the bearer token */
  record Bearer(Secret token) implements SinkAuth {
    public Bearer {
      Objects.requireNonNull(token, "token");
    }
  }

  /**
   * @param user the user name
   * @param password the password
   */
  record Basic(String user, Secret password) implements SinkAuth {
    public Basic {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }
  }

  /**
   * @param tokenUrl the token endpoint
   * @param clientId the client id
   * @param clientSecret the client secret
   * @param scope the scope to ask for, if any
   */
  record OAuth2(URI tokenUrl, String clientId, Secret clientSecret, Optional<String> scope) implements SinkAuth {
    public OAuth2 {
      Objects.requireNonNull(tokenUrl, "tokenUrl");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      Objects.requireNonNull(scope, "scope");
    }
  }

  /** @param headers header name to secret value */
  record Headers(Map<String, Secret> headers) implements SinkAuth {}
}
