package dev.tidings.http.sink;

import dev.tidings.ConfigurationException;
import dev.tidings.config.ConfigSection;
import dev.tidings.config.TidingsConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds HTTP sinks from the {@code sinks:} list of a configuration file:
 *
 * <pre>{@code
 * sinks:
 *   - name: payments
 *     mode: requests
 *     pattern: payments.requests
 *     allow: [api.payments.example]
 *     retry: "429|5.."
 *     backoff: {initial: 200ms, max: 30s, multiplier: 2, maxAttempts: 5}
 *     auth: {type: bearer, tokenEnv: PAYMENTS_TOKEN}
 * }</pre>
 *
 * Every key is checked: an unknown one, a wrong type or a bad value fails with the key, the path
 * ({@code sinks[0].backoff}) and the file.
 */
public final class SinkConfigs {
  private static final Set<String> KEYS = Set.of("name", "mode", "pattern", "group", "url", "method", "headers",
      "body", "allow", "success", "retry", "backoff", "timeout", "concurrency", "rate", "auth", "followRedirects",
      "maxResponseBytes", "successStream", "errorStream", "secretHeaders");
  private static final Set<String> BACKOFF = Set.of("initial", "max", "multiplier", "maxAttempts");
  private static final Set<String> TIMEOUT = Set.of("connect", "request", "total");
  private static final Set<String> AUTH = Set.of("type", "token", "tokenEnv", "tokenFile", "user", "password",
      "passwordEnv", "passwordFile", "tokenUrl", "clientId", "clientSecret", "clientSecretEnv", "clientSecretFile",
      "scope", "headers");

  private SinkConfigs() {}

  /** The sinks of {@code config}'s {@code sinks:} list (empty when there is none), secrets from the process environment. */
  public static List<HttpSink> from(TidingsConfig config) {
    return from(config, System.getenv());
  }

  /** As {@link #from(TidingsConfig)}, reading secrets from {@code environment}. */
  public static List<HttpSink> from(TidingsConfig config, Map<String, String> environment) {
    List<HttpSink> sinks = new ArrayList<>();
    for (ConfigSection s : config.root().sections("sinks")) {
      sinks.add(fromSection(s, environment));
    }
    return sinks;
  }

  /** One sink from its section, secrets from the process environment. */
  public static HttpSink fromSection(ConfigSection section) {
    return fromSection(section, System.getenv());
  }

  /**
   * One sink from its section.
   *
   * @throws ConfigurationException naming the key, the section's path and the file
   */
  public static HttpSink fromSection(ConfigSection s, Map<String, String> environment) {
    s.rejectUnknown(KEYS);
    String where = s.path() + " (" + s.source() + ")";
    HttpSink.Builder b = HttpSink.builder().name(s.requireString("name"));
    String mode = s.string("mode").orElse("requests");
    String pattern = s.requireString("pattern");
    switch (mode) {
      case "requests" -> b.requests(pattern);
      case "forward" -> b.forward(pattern, s.requireString("url"));
      default -> throw new ConfigurationException("mode is '" + mode + "' in " + where + ": use requests or forward");
    }
    if (mode.equals("requests") && s.string("url").isPresent()) {
      throw new ConfigurationException("url is set in " + where + ", but requests mode takes each URL from its"
          + " message: remove it, or use mode: forward");
    }
    s.string("group").ifPresent(b::group);
    s.string("method").ifPresent(b::method);
    s.stringMap("headers").forEach(b::header);
    s.string("body").ifPresent(body -> b.body(switch (body) {
      case "data" -> HttpSink.Body.DATA;
      case "envelope" -> HttpSink.Body.ENVELOPE;
      default -> throw new ConfigurationException("body is '" + body + "' in " + where + ": use data or envelope");
    }));
    b.allow(s.strings("allow").toArray(String[]::new));
    s.string("success").ifPresent(b::success);
    s.string("retry").ifPresent(b::retry);
    s.section("backoff").ifPresent(bo -> {
      bo.rejectUnknown(BACKOFF);
      Set<String> given = bo.keys();
      if (!given.isEmpty() && !given.containsAll(BACKOFF)) {
        throw new ConfigurationException(bo.path() + " (" + bo.source() + ") sets " + given + ": give all of "
            + "initial, max, multiplier and maxAttempts, or none for the defaults (200ms, 30s, 2, 5)");
      }
      if (!given.isEmpty()) {
        b.backoff(bo.duration("initial").orElseThrow(), bo.duration("max").orElseThrow(),
            number(bo, "multiplier"), bo.integer("maxAttempts").orElseThrow());
      }
    });
    s.section("timeout").ifPresent(t -> {
      t.rejectUnknown(TIMEOUT);
      t.duration("connect").ifPresent(b::connectTimeout);
      t.duration("request").ifPresent(b::requestTimeout);
      t.duration("total").ifPresent(b::totalTimeout);
    });
    s.integer("concurrency").ifPresent(b::concurrency);
    if (s.string("rate").isPresent()) {
      b.rate(number(s, "rate"));
    }
    s.bool("followRedirects").ifPresent(b::followRedirects);
    s.integer("maxResponseBytes").ifPresent(b::maxResponseBytes);
    s.string("successStream").ifPresent(v -> b.successStream(off(v) ? "" : v));
    s.string("errorStream").ifPresent(v -> b.errorStream(off(v) ? "" : v));
    s.strings("secretHeaders").forEach(b::secretHeader);
    s.section("auth").ifPresent(a -> b.auth(auth(a, environment)));
    return b.build();
  }

  private static boolean off(String v) {
    return v.isEmpty() || v.equals("none") || v.equals("off") || v.equals("false");
  }

  private static double number(ConfigSection s, String key) {
    String text = s.requireString(key);
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new ConfigurationException(key + " is '" + text + "' in " + s.path() + " (" + s.source() + "): use a number");
    }
  }

  private static SinkAuth auth(ConfigSection a, Map<String, String> env) {
    a.rejectUnknown(AUTH);
    String type = a.requireString("type");
    return switch (type) {
      case "none" -> SinkAuth.none();
      case "bearer" -> SinkAuth.bearer(secret(a, "token", env));
      case "basic" -> SinkAuth.basic(a.requireString("user"), secret(a, "password", env));
      case "oauth2" -> SinkAuth.oauth2(URI.create(a.requireString("tokenUrl")), a.requireString("clientId"),
          secret(a, "clientSecret", env), a.string("scope"));
      case "headers" -> {
        Map<String, Secret> headers = new java.util.LinkedHashMap<>();
        a.section("headers").ifPresent(h -> {
          for (String name : h.keys()) {
            ConfigSection one = h.section(name).orElseThrow(() -> new ConfigurationException("headers." + name
                + " in " + a.path() + " (" + a.source() + ") must be {env: VAR} or {file: PATH}, so that the"
                + " secret stays out of the file"));
            one.rejectUnknown(Set.of("env", "file"));
            headers.put(name, one.string("env").map(v -> Secret.env(v, env))
                .orElseGet(() -> Secret.file(Path.of(one.requireString("file")))));
          }
        });
        if (headers.isEmpty()) {
          throw new ConfigurationException("auth type headers in " + a.path() + " (" + a.source() + ") lists no"
              + " headers: write headers: {X-Api-Key: {env: API_KEY}}");
        }
        yield SinkAuth.headers(headers);
      }
      default -> throw new ConfigurationException("auth type is '" + type + "' in " + a.path() + " (" + a.source()
          + "): use bearer, basic, oauth2 or headers");
    };
  }

  /** {@code <name>Env} or {@code <name>File}; a literal {@code <name>} is refused so secrets stay out of files. */
  private static Secret secret(ConfigSection a, String name, Map<String, String> env) {
    Optional<String> fromEnv = a.string(name + "Env");
    Optional<String> fromFile = a.string(name + "File");
    if (a.string(name).isPresent()) {
      throw new ConfigurationException(name + " is written in " + a.path() + " (" + a.source() + "): secrets are"
          + " not read from the configuration file; use " + name + "Env: VARIABLE or " + name + "File: PATH");
    }
    if (fromEnv.isPresent() == fromFile.isPresent()) {
      throw new ConfigurationException(a.path() + " (" + a.source() + ") needs exactly one of " + name + "Env and "
          + name + "File");
    }
    return fromEnv.map(v -> Secret.env(v, env)).orElseGet(() -> Secret.file(Path.of(fromFile.get())));
  }
}
