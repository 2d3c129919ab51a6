package dev.tidings.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Application;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** /v1/openapi.json parses with a real OpenAPI 3.1 parser and lists every route; / lists them too. */
@KafkaTest
class OpenApiTest {
  @Test
  void theDocumentParsesAndListsEveryRouteWithTheApplicationsSchemas(TestKafka kafka) throws Exception {
    Path schema = OpenLineageTest.resource("RunEvent.json");
    TidingsHttpServer.Builder server = TidingsHttpServer.builder()
        .route("/asyncapi.yaml", "application/yaml", () -> "asyncapi: 3.0.0".getBytes())
        .post("/v1/streams/{stream}/request", request -> java.util.concurrent.CompletableFuture.completedFuture(
            HttpReply.json(200, "{}")));
    try (Application app = Fixtures.app(kafka)) {
      Ingress.builder(app).auth(Authenticator.none())
          .rawRoute(RawRoute.of("/v1/openlineage", "openlineage", schema, KeyRule.openLineage())).addTo(server);
      try (TidingsHttpServer running = server.start()) {
        HttpResponse<String> r = Fixtures.get(running.port(), "/v1/openapi.json");
        assertEquals(200, r.statusCode());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body(), null, options);
        assertTrue(parsed.getMessages() == null || parsed.getMessages().isEmpty(), () -> parsed.getMessages()
            + "\n" + r.body());
        OpenAPI api = parsed.getOpenAPI();
        assertNotNull(api, r.body());
        assertEquals("3.1.0", api.getOpenapi());
        assertEquals(Set.of("/v1/streams/{stream}", "/v1/streams/{stream}/batch", "/v1/openlineage",
            "/v1/openapi.json", "/", "/asyncapi.yaml", "/v1/streams/{stream}/request"), api.getPaths().keySet());
        assertNotNull(api.getPaths().get("/v1/streams/{stream}").getPost().getResponses().get("503"));
        assertTrue(api.getComponents().getSchemas().keySet().containsAll(Set.of("Envelope", "Envelope.Order.1",
            "Order.1", "Note.1", "Error", "Stored", "BatchEntry", "BatchResult", "Raw.v1.openlineage",
            "Raw.v1.openlineage.Job")), api.getComponents().getSchemas().keySet().toString());

        HttpResponse<String> index = Fixtures.get(running.port(), "/");
        assertEquals(200, index.statusCode());
        assertTrue(index.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        for (String path : api.getPaths().keySet()) {
          assertTrue(index.body().contains(path.replace("&", "&amp;")), path + " on the index page");
        }
        assertTrue(index.body().contains("Order:1"), index.body());
      }
    }
  }
}
