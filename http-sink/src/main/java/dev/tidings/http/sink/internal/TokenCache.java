package dev.tidings.http.sink.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.http.sink.SinkAuth;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * OAuth2 client-credentials tokens: fetched on first use, cached until 30 s before they expire ({@code
 * expires_in}, one hour when the server gives none), and dropped when a target answers 401 so that the
 * next attempt fetches a new one. Neither the secret nor a token is ever logged.
 */
final class TokenCache {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SKEW_MILLIS = 30_000;

  private final SinkAuth.OAuth2 config;
  private final HttpClient client;
  private final Duration timeout;
  private final Clock clock;
  private String token;
  private long expiresAtMillis;
  private int fetches;

  TokenCache(SinkAuth.OAuth2 config, HttpClient client, Duration timeout, Clock clock) {
    this.config = config;
    this.client = client;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** A valid token, fetched if needed. */
  synchronized String token() throws IOException, InterruptedException {
    if (token == null || clock.millis() >= expiresAtMillis - SKEW_MILLIS) {
      fetch();
    }
    return token;
  }

  /** Forgets {@code used} (a target refused it), unless a newer token replaced it already. */
  synchronized void invalidate(String used) {
    if (used != null && used.equals(token)) {
      token = null;
    }
  }

  /** How many tokens were fetched, for tests and metrics. */
  synchronized int fetches() {
    return fetches;
  }

  private void fetch() throws IOException, InterruptedException {
    String form = "grant_type=client_credentials"
        + config.scope().map(s -> "&scope=" + URLEncoder.encode(s, StandardCharsets.UTF_8)).orElse("");
    String basic = Base64.getEncoder().encodeToString(
        (URLEncoder.encode(config.clientId(), StandardCharsets.UTF_8) + ":"
            + URLEncoder.encode(config.clientSecret().reveal(), StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(config.tokenUrl())
        .timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + basic)
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("OAuth2 token endpoint " + config.tokenUrl() + " answered " + response.statusCode()
          + " for client " + config.clientId() + ": check the client id and secret");
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IOException("OAuth2 token endpoint " + config.tokenUrl() + " answered with a body that is not"
          + " JSON", e);
    }
    JsonNode access = body.path("access_token");
    if (!access.isTextual() || access.asText().isEmpty()) {
      throw new IOException("OAuth2 token endpoint " + config.tokenUrl() + " answered without access_token");
    }
    long expiresIn = body.path("expires_in").asLong(3600);
    token = access.asText();
    expiresAtMillis = clock.millis() + expiresIn * 1000;
    fetches++;
  }
}
