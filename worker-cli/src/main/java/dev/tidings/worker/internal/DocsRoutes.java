package dev.tidings.worker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.ingress.TidingsHttpServer;
import dev.tidings.worker.internal.asyncapi.AsyncApi;
import dev.tidings.worker.internal.asyncapi.DocsPage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The worker's documentation pages: {@code /asyncapi.yaml}, {@code /asyncapi.json} and {@code
 * /docs}, rendered once from the application's AsyncAPI document. Each route is a path, a content
 * type and the body, the shape any HTTP server of the worker takes them in.
 */
public final class DocsRoutes {
  /** One GET route. */
  public record Route(String contentType, Supplier<byte[]> body) {}

  private DocsRoutes() {}

  /** The routes of {@code document}, by path. */
  public static Map<String, Route> of(JsonNode document) {
    byte[] yaml = AsyncApi.yaml(document).getBytes(StandardCharsets.UTF_8);
    byte[] json = AsyncApi.json(document).getBytes(StandardCharsets.UTF_8);
    byte[] page = DocsPage.html(document).getBytes(StandardCharsets.UTF_8);
    Map<String, Route> routes = new LinkedHashMap<>();
    routes.put("/asyncapi.yaml", new Route("application/yaml", () -> yaml));
    routes.put("/asyncapi.json", new Route("application/json", () -> json));
    routes.put("/docs", new Route("text/html; charset=utf-8", () -> page));
    routes.put("/docs/", new Route("text/html; charset=utf-8", () -> page));
    return Map.copyOf(routes);
  }

  /** Adds {@code routes} to the worker's HTTP server. */
  public static void addTo(TidingsHttpServer.Builder server, Map<String, Route> routes) {
    routes.forEach((path, route) -> server.route(path, route.contentType(), route.body()));
  }
}
