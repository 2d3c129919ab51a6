package dev.tidings.ingress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidings.ConfigurationException;
import dev.tidings.ingress.internal.JettyServer;
import dev.tidings.ingress.internal.Route;
import dev.tidings.ingress.internal.ServerSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The HTTP server of Tidings (Jetty 12: HTTP/1.1, and h2c on plain ports): GET pages and POST
 * handlers on path templates, authentication and admission limits for POSTs, and JSON error bodies
 * in one shape for everything it refuses. The worker serves its health, metrics and the ingress on
 * one such server; other modules add routes with {@link Builder#route}, {@link Builder#get} and
 * {@link Builder#post}:
 *
 * <pre>{@code
 * try (TidingsHttpServer server = TidingsHttpServer.builder().port(8080)
 *     .route("/asyncapi.yaml", "application/yaml", () -> document)
 *     .post("/v1/streams/{stream}/request", request -> answer(request))
 *     .auth(Authenticator.credentialsFile(Path.of("tokens")))
 *     .start()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Every POST is authenticated (401), checked against the principal's streams when its template
 * has a {@code {stream}} parameter (403), rate limited per principal (429), admitted within the
 * in-flight bounds (503 with {@code Retry-After}), checked for its content type (415), and its body
 * read within the size limit, inflating {@code Content-Encoding: gzip} (413, counted after
 * inflation) before the handler sees it. GET pages are public (probes and documentation).
 */
public final class TidingsHttpServer implements AutoCloseable {
  private final JettyServer server;

  private TidingsHttpServer(JettyServer server) {
    this.server = server;
  }

  /** A builder with the defaults: port 0 (free), 1 MiB bodies, 1024 requests and 64 MiB in flight. */
  public static Builder builder() {
    return new Builder();
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  /** {@code http} or {@code https}. */
  public String scheme() {
    return server.secure() ? "https" : "http";
  }

  /** Stops serving; requests in progress are cut off after a short grace period. Idempotent. */
  @Override
  public void close() {
    server.close();
  }

  /** Configures and starts a {@link TidingsHttpServer}. */
  public static final class Builder {
    private String host;
    private int port;
    private Path keyStore;
    private String keyStorePassword;
    private Authenticator auth;
    private long maxBodyBytes = 1024 * 1024;
    private int maxInFlightRequests = 1024;
    private long maxInFlightBytes = 64L * 1024 * 1024;
    private double ratePerSecond;
    private int maxThreads = 200;
    private final List<Route> routes = new ArrayList<>();

    private Builder() {}

    /** The port, 0 (default) for a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new ConfigurationException("HTTP port " + port + " is out of range: use 0..65535 (0 for a free port)");
      }
      this.port = port;
      return this;
    }

    /** The interface to bind, e.g. {@code 127.0.0.1}; default all interfaces. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** Serves HTTPS (HTTP/1.1) with the key and certificate of a PKCS12 key store. */
    public Builder tls(Path pkcs12KeyStore, String password) {
      this.keyStore = pkcs12KeyStore;
      this.keyStorePassword = password;
      return this;
    }

    /** Who may POST. Required when a POST route exists; {@link Authenticator#none()} turns it off. */
    public Builder auth(Authenticator auth) {
      this.auth = auth;
      return this;
    }

    /** Largest request body in bytes, counted after inflating gzip; default 1 MiB. */
    public Builder maxBodyBytes(long bytes) {
      if (bytes < 1) {
        throw new ConfigurationException("maxBodyBytes " + bytes + " must be at least 1");
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /** POST requests admitted at once (more are answered 503 at once); default 1024. */
    public Builder maxInFlightRequests(int requests) {
      if (requests < 1) {
        throw new ConfigurationException("maxInFlightRequests " + requests + " must be at least 1");
      }
      this.maxInFlightRequests = requests;
      return this;
    }

    /** Body bytes admitted at once (more are answered 503 at once); default 64 MiB. */
    public Builder maxInFlightBytes(long bytes) {
      if (bytes < 1) {
        throw new ConfigurationException("maxInFlightBytes " + bytes + " must be at least 1");
      }
      this.maxInFlightBytes = bytes;
      return this;
    }

    /** POST requests per second per principal (burst of the same size); 0 (default) for no limit. */
    public Builder ratePerSecond(double rate) {
      if (rate < 0 || Double.isNaN(rate)) {
        throw new ConfigurationException("ratePerSecond " + rate + " must be >= 0 (0 for no limit)");
      }
      this.ratePerSecond = rate;
      return this;
    }

    /** The thread pool's bound; default 200. */
    public Builder maxThreads(int threads) {
      if (threads < 8) {
        throw new ConfigurationException("maxThreads " + threads + " must be at least 8");
      }
      this.maxThreads = threads;
      return this;
    }

    /** A GET (and HEAD) page answering 200 with {@code body.get()}, computed per request. */
    public Builder route(String path, String contentType, Supplier<byte[]> body) {
      return get(path, () -> HttpReply.of(200, contentType, body.get()));
    }

    /** A GET (and HEAD) page whose status, type and body come from {@code reply}, per request. */
    public Builder get(String path, Supplier<HttpReply> reply) {
      return add(Route.get(path, reply, null));
    }

    /** A POST handler for a path template such as {@code /v1/streams/{stream}/request}, JSON bodies. */
    public Builder post(String template, PostHandler handler) {
      return post(template, Set.of(HttpReply.JSON), handler);
    }

    /** A POST handler accepting bodies of these media types (e.g. {@code application/x-ndjson}). */
    public Builder post(String template, Set<String> mediaTypes, PostHandler handler) {
      return add(Route.post(template, mediaTypes, handler, null));
    }

    /** A route with its OpenAPI operation (the ingress's own routes). */
    Builder add(Route route) {
      for (Route r : routes) {
        if (r.method().equals(route.method()) && r.template().toString().equals(route.template().toString())) {
          throw new ConfigurationException(route.method() + " " + route.template() + " is added twice: each route once");
        }
      }
      routes.add(route);
      return this;
    }

    /** POST route with an OpenAPI operation. */
    Builder post(String template, Set<String> mediaTypes, PostHandler handler, ObjectNode operation) {
      return add(Route.post(template, mediaTypes, handler, operation));
    }

    /** GET route with an OpenAPI operation. */
    Builder get(String path, Supplier<HttpReply> reply, ObjectNode operation) {
      return add(Route.get(path, reply, operation));
    }

    /** The routes so far, in order (the ingress documents them). */
    List<Route> routes() {
      return routes;
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws ConfigurationException when the port cannot be bound, the key store cannot be read, or
     *     POST routes exist without {@link #auth}
     */
    public TidingsHttpServer start() {
      boolean posts = routes.stream().anyMatch(r -> r.method().equals("POST"));
      if (posts && auth == null) {
        throw new ConfigurationException("POST routes need an authenticator: set auth(Authenticator"
            + ".credentialsFile(path)) or, to let anyone publish, auth(Authenticator.none())");
      }
      if (keyStore != null && (keyStorePassword == null)) {
        throw new ConfigurationException("the key store " + keyStore + " needs its password");
      }
      return new TidingsHttpServer(JettyServer.start(new ServerSettings(host, port, keyStore, keyStorePassword,
          auth, maxBodyBytes, maxInFlightRequests, maxInFlightBytes, ratePerSecond, maxThreads,
          List.copyOf(routes))));
    }
  }
}
