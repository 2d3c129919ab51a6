package dev.tidings.ingress;

import dev.tidings.Application;
import dev.tidings.ConfigurationException;
import dev.tidings.ingress.internal.IngressRoutes;
import dev.tidings.ingress.internal.Route;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP ingress: validated HTTP→Kafka publishing through an application's publisher, answering
 * 2xx only for messages the broker acknowledged.
 *
 * <pre>{@code
 * try (Ingress ingress = Ingress.builder(app).port(8080)
 *     .auth(Authenticator.credentialsFile(Path.of("credentials")))
 *     .start()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Routes: {@code POST /v1/streams/{stream}} (one envelope, 201), {@code POST
 * /v1/streams/{stream}/batch} (a JSON array or NDJSON of entries, per-entry results), each {@link
 * RawRoute}, {@code GET /v1/openapi.json} (OpenAPI 3.1 with the application's schemas) and {@code
 * GET /} (a page listing the routes). {@link Builder#addTo} puts them on a server that carries other
 * routes too (the worker's health and metrics).
 */
public final class Ingress implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Ingress.class);

  private final TidingsHttpServer server;

  private Ingress(TidingsHttpServer server) {
    this.server = server;
  }

  /** A builder for an ingress publishing through {@code application}. */
  public static Builder builder(Application application) {
    return new Builder(application);
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  /** Stops serving. The application stays open. */
  @Override
  public void close() {
    server.close();
  }

  /** Configures an {@link Ingress}. Defaults: 1 MiB bodies, batches of 500, 10 s ack timeout. */
  public static final class Builder {
    private final Application application;
    private final TidingsHttpServer.Builder server = TidingsHttpServer.builder();
    private Authenticator auth;
    private int maxBatchSize = 500;
    private Duration ackTimeout = Duration.ofSeconds(10);
    private int retryAfterSeconds = 5;
    private final List<RawRoute> rawRoutes = new ArrayList<>();
    private final Map<String, Set<String>> allowedSchemas = new LinkedHashMap<>();
    private long maxBodyBytes = 1024 * 1024;
    private int maxInFlightRequests = 1024;
    private long maxInFlightBytes = 64L * 1024 * 1024;
    private double ratePerSecond;

    private Builder(Application application) {
      this.application = application;
    }

    /** The port of {@link #start()}, 0 (default) for a free one. */
    public Builder port(int port) {
      server.port(port);
      return this;
    }

    /** The interface {@link #start()} binds; default all. */
    public Builder host(String host) {
      server.host(host);
      return this;
    }

    /** HTTPS for {@link #start()}, with a PKCS12 key store. */
    public Builder tls(Path pkcs12KeyStore, String password) {
      server.tls(pkcs12KeyStore, password);
      return this;
    }

    /** Who may publish (required; {@link Authenticator#none()} lets anyone, with a warning). */
    public Builder auth(Authenticator auth) {
      this.auth = auth;
      return this;
    }

    /** Largest body in bytes, after inflating gzip; default 1 MiB. */
    public Builder maxBodyBytes(long bytes) {
      server.maxBodyBytes(bytes);
      this.maxBodyBytes = bytes;
      return this;
    }

    /** Entries per batch request; default 500. */
    public Builder maxBatchSize(int entries) {
      if (entries < 1) {
        throw new ConfigurationException("maxBatchSize " + entries + " must be at least 1");
      }
      this.maxBatchSize = entries;
      return this;
    }

    /** Requests admitted at once (more get 503); default 1024. */
    public Builder maxInFlightRequests(int requests) {
      server.maxInFlightRequests(requests);
      this.maxInFlightRequests = requests;
      return this;
    }

    /** Body bytes admitted at once (more get 503); default 64 MiB. */
    public Builder maxInFlightBytes(long bytes) {
      server.maxInFlightBytes(bytes);
      this.maxInFlightBytes = bytes;
      return this;
    }

    /** Requests per second per principal (429 beyond); default 0, no limit. */
    public Builder ratePerSecond(double rate) {
      server.ratePerSecond(rate);
      this.ratePerSecond = rate;
      return this;
    }

    /** How long to wait for the broker's acknowledgement before answering 503; default 10 s. */
    public Builder ackTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new ConfigurationException("ackTimeout " + timeout + " must be positive");
      }
      this.ackTimeout = timeout;
      return this;
    }

    /** The {@code Retry-After} seconds of a 503 because Kafka did not answer; default 5. */
    public Builder retryAfterSeconds(int seconds) {
      if (seconds < 1) {
        throw new ConfigurationException("retryAfterSeconds " + seconds + " must be at least 1");
      }
      this.retryAfterSeconds = seconds;
      return this;
    }

    /** Adds a raw route (plain JSON forwarded unchanged), e.g. for OpenLineage. */
    public Builder rawRoute(RawRoute route) {
      rawRoutes.add(route);
      return this;
    }

    /**
     * Restricts the schemas accepted on a stream (422 {@code schema_not_allowed} for others). By
     * default every registered schema is accepted on every stream.
     */
    public Builder allowSchemas(String stream, String... schemaKeys) {
      allowedSchemas.computeIfAbsent(stream, s -> new LinkedHashSet<>()).addAll(List.of(schemaKeys));
      return this;
    }

    /**
     * Adds the ingress's routes, authenticator and limits to {@code target}, which serves them
     * beside its other routes.
     *
     * @return {@code target}
     * @throws ConfigurationException when no authenticator was set, or a raw route's schema cannot be used
     */
    public TidingsHttpServer.Builder addTo(TidingsHttpServer.Builder target) {
      if (auth == null) {
        throw new ConfigurationException("the ingress needs an authenticator: auth(Authenticator.credentialsFile"
            + "(path)), or auth(Authenticator.none()) to let anyone publish");
      }
      if (auth.isNone()) {
        LOG.warn("the HTTP ingress runs WITHOUT authentication: anyone who reaches the port may publish to any"
            + " stream. Use a credentials file outside of development.");
      }
      target.auth(auth).maxBodyBytes(maxBodyBytes).maxInFlightRequests(maxInFlightRequests)
          .maxInFlightBytes(maxInFlightBytes).ratePerSecond(ratePerSecond);
      IngressRoutes.Settings settings = new IngressRoutes.Settings(!auth.isNone(), maxBatchSize, ackTimeout,
          retryAfterSeconds, Map.copyOf(allowedSchemas));
      List<Route> routes = IngressRoutes.create(application, settings, raw(), target::routes);
      routes.forEach(target::add);
      return target;
    }

    private List<IngressRoutes.Raw> raw() {
      List<IngressRoutes.Raw> list = new ArrayList<>();
      for (RawRoute r : rawRoutes) {
        list.add(new IngressRoutes.Raw(r.path(), r.stream(), r.schemaFile(), r.key()::keyOf, r.key().toString()));
      }
      return list;
    }

    /** Starts the ingress on its own server. */
    public Ingress start() {
      return new Ingress(addTo(server).start());
    }
  }
}
