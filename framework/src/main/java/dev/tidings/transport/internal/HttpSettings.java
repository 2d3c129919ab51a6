package dev.tidings.transport.internal;

import dev.tidings.ConfigurationException;
import dev.tidings.config.ConfigSection;
import dev.tidings.transport.TransportConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of {@code type: http}, read and checked once. The {@code Authorization} value is
 * kept out of {@link #toString()} and every message.
 */
record HttpSettings(
    URI url, Duration timeout, Duration connectTimeout, Optional<String> authorization, String authType,
    boolean gzip, Map<String, String> headers, int batchSize, Duration linger, int maxAttempts,
    Duration initialBackoff, Duration maxBackoff) {

  static final Set<String> KEYS = Set.of("type", "url", "timeout", "connectTimeout", "auth", "compression",
      "headers", "batch", "retry");

  static HttpSettings read(TransportConfig config) {
    ConfigSection s = config.section();
    s.rejectUnknown(KEYS);
    URI url = url(s.requireString("url"), config);
    Duration timeout = positive(s, "timeout", Duration.ofSeconds(10), config);
    Duration connectTimeout = positive(s, "connectTimeout", timeout, config);
    String compression = s.string("compression").orElse("none").toLowerCase(Locale.ROOT);
    if (!compression.equals("gzip") && !compression.equals("none")) {
      throw new ConfigurationException("key 'compression' in " + Factories.where(config) + " is '" + compression
          + "': use gzip or none");
    }
    Map<String, String> headers = s.stringMap("headers");
    for (String name : headers.keySet()) {
      if (name.equalsIgnoreCase("authorization") || name.equalsIgnoreCase("content-type")
          || name.equalsIgnoreCase("content-encoding")) {
        throw new ConfigurationException("key 'headers." + name + "' in " + Factories.where(config)
            + " sets a header the transport sets itself: use 'auth' for Authorization, remove the others");
      }
    }
    int batchSize = 1;
    Duration linger = Duration.ofMillis(10);
    Optional<ConfigSection> batch = s.section("batch");
    if (batch.isPresent()) {
      batch.get().rejectUnknown(Set.of("size", "linger"));
      batchSize = batch.get().integer("size").orElse(100);
      linger = batch.get().duration("linger").orElse(linger);
      if (batchSize < 1 || batchSize > 10_000) {
        throw new ConfigurationException("key 'size' in " + batch.get().path() + " (" + s.source() + ") is "
            + batchSize + ": use 1 to 10000 messages per request");
      }
    }
    int maxAttempts = 5;
    Duration initial = Duration.ofMillis(200);
    Duration max = Duration.ofSeconds(10);
    Optional<ConfigSection> retry = s.section("retry");
    if (retry.isPresent()) {
      retry.get().rejectUnknown(Set.of("maxAttempts", "initialBackoff", "maxBackoff"));
      maxAttempts = retry.get().integer("maxAttempts").orElse(maxAttempts);
      initial = retry.get().duration("initialBackoff").orElse(initial);
      max = retry.get().duration("maxBackoff").orElse(max);
      if (maxAttempts < 1) {
        throw new ConfigurationException("key 'maxAttempts' in " + retry.get().path() + " (" + s.source() + ") is "
            + maxAttempts + ": use 1 (no retries) or more");
      }
    }
    String authType = "none";
    Optional<String> authorization = Optional.empty();
    Optional<ConfigSection> auth = s.section("auth");
    if (auth.isPresent()) {
      authType = auth.get().requireString("type").toLowerCase(Locale.ROOT);
      authorization = Optional.of(authorization(auth.get(), authType, config));
    }
    return new HttpSettings(url, timeout, connectTimeout, authorization, authType, compression.equals("gzip"),
        headers, batchSize, linger, maxAttempts, initial, max);
  }

  private static URI url(String text, TransportConfig config) {
    try {
      URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
          || uri.getHost() == null) {
        throw new URISyntaxException(text, "not an http(s) URL with a host");
      }
      if (uri.getUserInfo() != null) {
        throw new ConfigurationException("key 'url' in " + Factories.where(config) + " holds credentials: move them"
            + " to 'auth' (type: basic, username, passwordEnv or passwordFile)");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigurationException("key 'url' in " + Factories.where(config) + " is '" + text
          + "': expected the base URL of a Tidings ingress, e.g. http://ingress:8080", e);
    }
  }

  private static Duration positive(ConfigSection s, String key, Duration fallback, TransportConfig config) {
    Duration d = s.duration(key).orElse(fallback);
    if (d.isZero()) {
      throw new ConfigurationException("key '" + key + "' in " + Factories.where(config) + " is 0: use a positive"
          + " duration such as 10s");
    }
    return d;
  }

  private static String authorization(ConfigSection auth, String type, TransportConfig config) {
    switch (type) {
      case "bearer":
        auth.rejectUnknown(Set.of("type", "token", "tokenEnv", "tokenFile"));
        return "Bearer " + secret(auth, "token", config);
      case "basic":
        auth.rejectUnknown(Set.of("type", "username", "password", "passwordEnv", "passwordFile"));
        String user = auth.requireString("username");
        String pair = user + ":" + secret(auth, "password", config);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
      default:
        throw new ConfigurationException("key 'type' in " + auth.path() + " (" + auth.source() + ") is '" + type
            + "': use bearer or basic");
    }
  }

  /** {@code name}, else the variable named by {@code nameEnv}, else the file named by {@code nameFile}. */
  private static String secret(ConfigSection auth, String name, TransportConfig config) {
    String where = auth.path() + " (" + auth.source() + ")";
    Optional<String> inline = auth.string(name);
    Optional<String> env = auth.string(name + "Env");
    Optional<String> file = auth.string(name + "File");
    if (inline.isPresent() ? env.isPresent() || file.isPresent() : env.isPresent() && file.isPresent()) {
      throw new ConfigurationException("more than one of '" + name + "', '" + name + "Env' and '" + name
          + "File' in " + where + ": give one");
    }
    String value;
    if (inline.isPresent()) {
      value = inline.get();
    } else if (env.isPresent()) {
      value = config.environment().get(env.get());
      if (value == null || value.isBlank()) {
        throw new ConfigurationException("environment variable " + env.get() + " named by '" + name + "Env' in "
            + where + " is not set: export it before starting");
      }
    } else if (file.isPresent()) {
      try {
        value = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ConfigurationException("cannot read the file " + file.get() + " named by '" + name + "File' in "
            + where + ": " + e.getClass().getSimpleName() + "; check the path and its permissions");
      }
    } else {
      throw new ConfigurationException("missing key '" + name + "Env' in " + where + ": name the environment"
          + " variable (or '" + name + "File' a file) that holds the " + name);
    }
    value = value.strip();
    if (value.isEmpty() || value.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
      throw new ConfigurationException("the " + name + " given by " + where + " is empty or has characters that"
          + " cannot go into an HTTP header (it is not shown)");
    }
    return value;
  }

  @Override
  public String toString() {
    return "HttpSettings[url=" + url + ", timeout=" + timeout + ", auth=" + authType + ", gzip=" + gzip
        + ", headers=" + headers.keySet() + ", batchSize=" + batchSize + ", linger=" + linger
        + ", maxAttempts=" + maxAttempts + "]";
  }
}
