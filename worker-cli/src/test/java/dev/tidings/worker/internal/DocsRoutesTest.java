package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tidings.Health;
import dev.tidings.ingress.TidingsHttpServer;
import dev.tidings.worker.internal.asyncapi.AsyncApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /docs, /asyncapi.yaml and /asyncapi.json served by the worker's HTTP port, over a real socket. */
class DocsRoutesTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private final JsonNode document = AsyncApiTest.document(AsyncApiTest.shop());
  private TidingsHttpServer http;

  @BeforeEach
  void start() {
    Metrics metrics = new Metrics();
    http = HttpPort.start(0, () -> new Health(true, true, List.of()), metrics,
        server -> DocsRoutes.addTo(server, DocsRoutes.of(document)));
  }

  @AfterEach
  void stop() {
    http.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theAsyncApiDocumentIsServedAsYamlAndJson() throws Exception {
    HttpResponse<String> yaml = get("/asyncapi.yaml");
    assertEquals(200, yaml.statusCode());
    assertEquals("application/yaml", yaml.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(document.toString(), new ObjectMapper().readTree(new YAMLMapper().readTree(yaml.body()).toString())
        .toString());
    HttpResponse<String> json = get("/asyncapi.json");
    assertEquals(200, json.statusCode());
    assertEquals("application/json", json.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(List.of(), AsyncApiTest.officialSchemaProblems(new ObjectMapper().readTree(json.body())));
  }

  @Test
  void theDocsPageIsServedAsHtml() throws Exception {
    for (String path : List.of("/docs", "/docs/")) {
      HttpResponse<String> page = get(path);
      assertEquals(200, page.statusCode(), path);
      assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
      assertTrue(page.body().contains("shop.orders.eu"), page::body);
    }
  }

  @Test
  void healthStillAnswersAndUnknownPathsNameTheRoutes() throws Exception {
    assertEquals(200, get("/health/ready").statusCode());
    HttpResponse<String> missing = get("/nope");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("/asyncapi.yaml"), missing::body);
  }
}
