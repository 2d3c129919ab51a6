package dev.tidings.worker.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tidings.Health;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's HTTP port (the JDK's {@link HttpServer}, two daemon threads):
 *
 * <ul>
 *   <li>{@code GET /health/live}: 200 while the application runs, else 503;
 *   <li>{@code GET /health/ready} (and {@code /health}): 200 when every subscription has joined its
 *       group and polls and the producer is usable, else 503;
 *   <li>{@code GET /metrics}: every meter in the Prometheus text format.
 * </ul>
 *
 * <p>Health bodies are JSON: {@code {"status", "live", "ready", "subscriptions": [{"group",
 * "target", "state", "assignedPartitions", "lag", "lastError"}]}}.
 */
public final class HttpEndpoints implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoints.class);

  private final HttpServer server;
  private final ExecutorService executor;

  private HttpEndpoints(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Serves the endpoints on {@code port} of every interface.
   *
   * @throws WorkerException when the port cannot be bound
   */
  public static HttpEndpoints start(int port, Supplier<Health> health, Metrics metrics) {
    return start(port, health, metrics, Map.of());
  }

  /**
   * Serves the endpoints and the GET {@code routes} (by path) on {@code port} of every interface.
   *
   * @throws WorkerException when the port cannot be bound
   */
  public static HttpEndpoints start(int port, Supplier<Health> health, Metrics metrics,
      Map<String, DocsRoutes.Route> routes) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(port), 16);
    } catch (IOException e) {
      throw new WorkerException(ExitCode.FAILURE, "cannot serve HTTP on port " + port + ": " + e.getMessage()
          + "; choose another --http-port (or 0 for none)", e);
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "tidings-http-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, health, metrics, routes));
    server.start();
    return new HttpEndpoints(server, executor);
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void handle(HttpExchange exchange, Supplier<Health> health, Metrics metrics,
      Map<String, DocsRoutes.Route> routes) {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "application/json", Json.object("error", "use GET"));
        return;
      }
      String path = exchange.getRequestURI().getPath();
      switch (path) {
        case "/health/live" -> {
          Health h = health.get();
          send(exchange, h.live() ? 200 : 503, "application/json", Json.health(h));
        }
        case "/health", "/health/", "/health/ready" -> {
          Health h = health.get();
          send(exchange, h.ready() ? 200 : 503, "application/json", Json.health(h));
        }
        case "/metrics" -> send(exchange, 200, Metrics.contentType(),
            metrics.scrape().getBytes(StandardCharsets.UTF_8));
        default -> {
          DocsRoutes.Route route = routes.get(path);
          if (route != null) {
            send(exchange, 200, route.contentType(), route.body().get());
          } else {
            send(exchange, 404, "application/json", Json.object("error", "not found: try /health/live,"
                + " /health/ready or /metrics" + (routes.isEmpty() ? "" : ", " + String.join(", ",
                new java.util.TreeSet<>(routes.keySet())))));
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("HTTP client went away: {}", e.toString());
    } catch (RuntimeException e) {
      LOG.warn("HTTP request {} failed: {}", exchange.getRequestURI(), e.toString());
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Stops serving at once. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
