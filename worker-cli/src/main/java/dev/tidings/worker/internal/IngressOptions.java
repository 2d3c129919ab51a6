package dev.tidings.worker.internal;

import dev.tidings.Application;
import dev.tidings.ConfigurationException;
import dev.tidings.ingress.Authenticator;
import dev.tidings.ingress.Ingress;
import dev.tidings.ingress.KeyRule;
import dev.tidings.ingress.RawRoute;
import dev.tidings.ingress.TidingsHttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * The options of the HTTP ingress and of TLS on the HTTP port, a picocli mixin of the root
 * command (also given after {@code worker ingress}).
 */
public final class IngressOptions {
  /** The name of the mixin in the root command. */
  public static final String MIXIN = "ingress";

  @Option(names = "--ingress", defaultValue = "${env:TIDINGS_INGRESS:-false}",
      description = "Serve the HTTP ingress (POST /v1/streams/{stream}, .../batch, /v1/openapi.json) on"
          + " --http-port beside the subscriptions. Env: TIDINGS_INGRESS. Default: off.")
  boolean enabled;

  @Option(names = "--ingress-auth", scope = ScopeType.INHERIT, paramLabel = "FILE|none",
      defaultValue = "${env:TIDINGS_INGRESS_AUTH}",
      description = "Who may publish: a credentials file (lines 'token|basic PRINCIPAL SHA256_HEX STREAMS'), or"
          + " none to let anyone publish (warned at start). Env: TIDINGS_INGRESS_AUTH. Required with the ingress.")
  String auth;

  @Option(names = "--ingress-max-body", scope = ScopeType.INHERIT, paramLabel = "BYTES",
      defaultValue = "${env:TIDINGS_INGRESS_MAX_BODY:-1048576}",
      description = "Largest request body in bytes, counted after inflating gzip. Env: TIDINGS_INGRESS_MAX_BODY."
          + " Default: ${DEFAULT-VALUE}.")
  long maxBody;

  @Option(names = "--ingress-max-batch", scope = ScopeType.INHERIT, paramLabel = "N",
      defaultValue = "${env:TIDINGS_INGRESS_MAX_BATCH:-500}",
      description = "Entries per batch request. Env: TIDINGS_INGRESS_MAX_BATCH. Default: ${DEFAULT-VALUE}.")
  int maxBatch;

  @Option(names = "--ingress-max-in-flight", scope = ScopeType.INHERIT, paramLabel = "N",
      defaultValue = "${env:TIDINGS_INGRESS_MAX_IN_FLIGHT:-1024}",
      description = "Requests admitted at once; more are answered 503 with Retry-After."
          + " Env: TIDINGS_INGRESS_MAX_IN_FLIGHT. Default: ${DEFAULT-VALUE}.")
  int maxInFlight;

  @Option(names = "--ingress-rate", scope = ScopeType.INHERIT, paramLabel = "PER_SECOND",
      defaultValue = "${env:TIDINGS_INGRESS_RATE:-0}",
      description = "Requests per second per principal (429 beyond); 0 for no limit. Env: TIDINGS_INGRESS_RATE."
          + " Default: ${DEFAULT-VALUE}.")
  double rate;

  @Option(names = "--ingress-ack-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
      converter = DurationConverter.class, defaultValue = "${env:TIDINGS_INGRESS_ACK_TIMEOUT:-10s}",
      description = "How long to wait for the broker's acknowledgement before answering 503."
          + " Env: TIDINGS_INGRESS_ACK_TIMEOUT. Default: ${DEFAULT-VALUE}.")
  Duration ackTimeout;

  @Option(names = "--ingress-raw-route", scope = ScopeType.INHERIT, paramLabel = "PATH=STREAM,SCHEMA[,KEY]",
      description = "A route for plain JSON forwarded unchanged, may be repeated, e.g."
          + " /v1/openlineage=openlineage,RunEvent.json,openlineage. KEY: none, openlineage or pointer:/json/pointer."
          + " Default: none.")
  List<String> rawRoutes = new ArrayList<>();

  @Option(names = "--http-tls-keystore", scope = ScopeType.INHERIT, paramLabel = "FILE",
      defaultValue = "${env:TIDINGS_HTTP_TLS_KEYSTORE}",
      description = "Serve HTTPS on the HTTP port with this PKCS12 key store. Env: TIDINGS_HTTP_TLS_KEYSTORE."
          + " Default: plain HTTP.")
  Path keyStore;

  @Option(names = "--http-tls-password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD",
      defaultValue = "${env:TIDINGS_HTTP_TLS_PASSWORD}",
      description = "The key store's password (never printed). Env: TIDINGS_HTTP_TLS_PASSWORD.")
  String keyStorePassword;

  /** The root command's ingress options, seen from any (sub)command. */
  public static IngressOptions of(CommandSpec spec) {
    return (IngressOptions) spec.root().mixins().get(MIXIN).userObject();
  }

  /** Whether {@code --ingress} was given. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Checks what can be checked before connecting to Kafka.
   *
   * @param serving whether the ingress will be served
   * @throws ParameterException naming the option
   */
  public void validate(CommandSpec spec, boolean serving) {
    if (serving && (auth == null || auth.isBlank())) {
      throw new ParameterException(spec.commandLine(), "the ingress needs --ingress-auth: a credentials file, or"
          + " none to let anyone publish (development only)");
    }
    if (keyStore != null && keyStorePassword == null) {
      throw new ParameterException(spec.commandLine(), "--http-tls-keystore needs --http-tls-password"
          + " (or TIDINGS_HTTP_TLS_PASSWORD)");
    }
  }

  /** Adds TLS to the server when configured. */
  public void tls(TidingsHttpServer.Builder server) {
    if (keyStore != null) {
      server.tls(keyStore, keyStorePassword == null ? "" : keyStorePassword);
    }
  }

  /**
   * Adds the ingress of {@code app} to the server.
   *
   * @throws ParameterException naming the option when a value is refused
   */
  public void addTo(TidingsHttpServer.Builder server, Application app, CommandSpec spec, Console console) {
    if (auth == null || auth.isBlank()) {
      throw new ParameterException(spec.commandLine(), "the ingress needs --ingress-auth: a credentials file, or"
          + " none to let anyone publish (development only)");
    }
    try {
      Ingress.Builder ingress = Ingress.builder(app).maxBodyBytes(maxBody).maxBatchSize(maxBatch)
          .maxInFlightRequests(maxInFlight).ratePerSecond(rate).ackTimeout(ackTimeout);
      if (auth.equals("none")) {
        console.out("WARNING: the HTTP ingress runs without authentication (--ingress-auth none): anyone who reaches"
            + " the port may publish to any stream.");
        ingress.auth(Authenticator.none());
      } else {
        ingress.auth(Authenticator.credentialsFile(Path.of(auth)));
      }
      for (String route : rawRoutes) {
        ingress.rawRoute(rawRoute(route, spec));
      }
      ingress.addTo(server);
    } catch (ConfigurationException | IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), Secrets.mask(e.getMessage()));
    }
  }

  private static RawRoute rawRoute(String text, CommandSpec spec) {
    int eq = text.indexOf('=');
    String[] parts = eq < 0 ? new String[0] : text.substring(eq + 1).split(",");
    if (eq <= 0 || parts.length < 2 || parts.length > 3) {
      throw new ParameterException(spec.commandLine(), "--ingress-raw-route " + text + " is not PATH=STREAM,SCHEMA"
          + "[,KEY]: write e.g. /v1/openlineage=openlineage,RunEvent.json,openlineage");
    }
    String key = parts.length == 3 ? parts[2].trim() : "none";
    KeyRule rule;
    if (key.equals("none")) {
      rule = KeyRule.none();
    } else if (key.equals("openlineage")) {
      rule = KeyRule.openLineage();
    } else if (key.startsWith("pointer:")) {
      rule = KeyRule.pointer(key.substring("pointer:".length()));
    } else {
      throw new ParameterException(spec.commandLine(), "--ingress-raw-route " + text + " has the key rule '" + key
          + "': use none, openlineage or pointer:/json/pointer");
    }
    return RawRoute.of(text.substring(0, eq), parts[0].trim(), Path.of(parts[1].trim()), rule);
  }

  @Override
  public String toString() {
    return "ingress=" + enabled + ", ingressAuth=" + auth + ", maxBody=" + maxBody + ", maxBatch=" + maxBatch
        + ", maxInFlight=" + maxInFlight + ", rate=" + rate + ", ackTimeout=" + ackTimeout + ", rawRoutes=" + rawRoutes
        + ", tlsKeyStore=" + keyStore + ", tlsPassword=" + (keyStorePassword == null ? null : Secrets.MASK);
  }
}
