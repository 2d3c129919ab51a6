package dev.tidings.http.sink.internal;

import dev.tidings.http.sink.SinkAuth;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Adds a sink's authentication headers to a request; the values never leave the request. */
final class Auth {
  private Auth() {}

  /** Sets the headers of {@code auth} on {@code b}; {@code token} is the OAuth2 token when there is one. */
  static void apply(SinkAuth auth, String token, HttpRequest.Builder b) {
    if (auth instanceof SinkAuth.Bearer bearer) {
      b.setHeader("Authorization", "Bearer " + bearer.token().reveal());
    } else if (auth instanceof SinkAuth.Basic basic) {
      String pair = basic.user() + ":" + basic.password().reveal();
      b.setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    } else if (auth instanceof SinkAuth.OAuth2) {
      b.setHeader("Authorization", "Bearer " + token);
    } else if (auth instanceof SinkAuth.Headers headers) {
      headers.headers().forEach((name, secret) -> b.setHeader(name, secret.reveal()));
    }
  }

  /** The header names {@code auth} sets (recorded with a masked value). */
  static List<String> names(SinkAuth auth) {
    if (auth instanceof SinkAuth.Headers headers) {
      return List.copyOf(headers.headers().keySet());
    }
    return auth instanceof SinkAuth.None ? List.of() : List.of("Authorization");
  }
}
