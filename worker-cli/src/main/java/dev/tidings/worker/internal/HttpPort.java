package dev.tidings.worker.internal;

import dev.tidings.ConfigurationException;
import dev.tidings.Health;
import dev.tidings.ingress.HttpReply;
import dev.tidings.ingress.TidingsHttpServer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The worker's HTTP port, on the ingress module's Jetty server:
 *
 * <ul>
 *   <li>{@code GET /health/live}: 200 while the application runs, else 503;
 *   <li>{@code GET /health/ready} (and {@code /health}): 200 when every subscription has joined its
 *       group and polls and the producer is usable, else 503;
 *   <li>{@code GET /metrics}: every meter in the Prometheus text format;
 *   <li>the HTTP ingress when {@code --ingress} is given (see {@link IngressOptions}).
 * </ul>
 *
 * <p>Health bodies are JSON: {@code {"status", "live", "ready", "subscriptions": [{"group",
 * "target", "state", "assignedPartitions", "lag", "inFlight", "lastError"}]}}: {@code lag} per
 * partition from the committed offset, {@code inFlight} the records fetched and not finished yet.
 */
public final class HttpPort {
  private HttpPort() {}

  /** A server builder with the health and metrics routes on {@code port}. */
  public static TidingsHttpServer.Builder builder(int port, Supplier<Health> health, Metrics metrics) {
    return TidingsHttpServer.builder().port(port)
        .get("/health/live", () -> {
          Health h = health.get();
          return HttpReply.json(h.live() ? 200 : 503, Json.health(h));
        })
        .get("/health", () -> ready(health))
        .get("/health/", () -> ready(health))
        .get("/health/ready", () -> ready(health))
        .route("/metrics", Metrics.contentType(), () -> metrics.scrape().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Serves the health and metrics routes, and whatever {@code more} adds, on {@code port}.
   *
   * @throws WorkerException when the port cannot be bound
   */
  public static TidingsHttpServer start(int port, Supplier<Health> health, Metrics metrics,
      Consumer<TidingsHttpServer.Builder> more) {
    TidingsHttpServer.Builder builder = builder(port, health, metrics);
    more.accept(builder);
    try {
      return builder.start();
    } catch (ConfigurationException e) {
      throw new WorkerException(ExitCode.FAILURE, Secrets.mask(e.getMessage())
          .replace("; choose another port", "; choose another --http-port"), e);
    }
  }

  /** Health and metrics only. */
  public static TidingsHttpServer start(int port, Supplier<Health> health, Metrics metrics) {
    return start(port, health, metrics, b -> { });
  }

  private static HttpReply ready(Supplier<Health> health) {
    Health h = health.get();
    return HttpReply.json(h.ready() ? 200 : 503, Json.health(h));
  }
}
