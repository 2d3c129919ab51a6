package dev.tidings.ingress.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.Application;
import dev.tidings.ConfigurationException;
import dev.tidings.ingress.HttpReply;
import dev.tidings.internal.KafkaApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Builds the ingress's routes: single, batch, raw routes, the OpenAPI document and the index page. */
public final class IngressRoutes {
  private IngressRoutes() {}

  /**
   * The ingress's settings.
   *
   * @param authenticated whether principals are real (their name goes to a Kafka header)
   * @param allowedSchemas schemas accepted per stream; a stream not listed accepts all
   */
  public record Settings(boolean authenticated, int maxBatchSize, Duration ackTimeout, int retryAfterSeconds,
      Map<String, Set<String>> allowedSchemas) {}

  /** A raw route, its key rule already a function. */
  public record Raw(String path, String stream, Path schemaFile, Function<JsonNode, byte[]> key, String keyRule) {}

  /**
   * The routes.
   *
   * @param allRoutes every route of the server at the time a document is asked for
   * @throws ConfigurationException when the application is not a Kafka application or a raw route is unusable
   */
  public static List<Route> create(Application app, Settings settings, List<Raw> raws,
      Supplier<List<Route>> allRoutes) {
    if (!(app instanceof KafkaApplication kafka)) {
      throw new ConfigurationException("the ingress publishes through an application from Application.create(...),"
          + " got " + app.getClass().getName());
    }
    Acks acks = new Acks(settings.ackTimeout(), settings.retryAfterSeconds());
    EnvelopeChecker checker = new EnvelopeChecker(kafka.codec(), settings.allowedSchemas());
    List<Route> routes = new ArrayList<>();
    routes.add(Route.post("/v1/streams/{stream}", Set.of(HttpReply.JSON),
        new SingleEndpoint(app, checker, acks, settings.authenticated()), OpenApi.single()));
    routes.add(Route.post("/v1/streams/{stream}/batch", Set.of(HttpReply.JSON, BatchEndpoint.NDJSON),
        new BatchEndpoint(app, checker, acks, settings.authenticated(), settings.maxBatchSize(),
            settings.retryAfterSeconds()), OpenApi.batch(settings.maxBatchSize())));
    List<OpenApi.RawDoc> rawDocs = new ArrayList<>();
    for (Raw raw : raws) {
      RawSchema schema = RawSchema.load(raw.schemaFile());
      routes.add(Route.post(raw.path(), Set.of(HttpReply.JSON),
          new RawEndpoint(app, raw.stream(), schema, raw.key(), acks, settings.authenticated()),
          OpenApi.raw(raw.path(), raw.stream(), raw.keyRule())));
      rawDocs.add(new OpenApi.RawDoc(raw.path(), schema.document()));
    }
    Supplier<byte[]> document = memo(() -> OpenApi.document(app, allRoutes.get(), rawDocs));
    routes.add(Route.get("/v1/openapi.json", () -> HttpReply.json(200, document.get()), OpenApi.page(
        "The OpenAPI 3.1 description of this server", HttpReply.JSON)));
    Supplier<byte[]> index = memo(() -> IndexPage.html(app, allRoutes.get()).getBytes(StandardCharsets.UTF_8));
    routes.add(Route.get("/", () -> HttpReply.of(200, "text/html; charset=utf-8", index.get()), OpenApi.page(
        "A page listing the routes and schemas of this server", "text/html")));
    return routes;
  }

  private static Supplier<byte[]> memo(Supplier<byte[]> build) {
    return new Supplier<>() {
      private volatile byte[] value;

      @Override
      public byte[] get() {
        byte[] v = value;
        if (v == null) {
          v = build.get();
          value = v;
        }
        return v;
      }
    };
  }
}
