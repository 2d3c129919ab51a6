package dev.tidings.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.tidings.SchemaDefinition;
import dev.tidings.Router;
import dev.tidings.Subscription;
import dev.tidings.worker.WorkerCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The example shop's AsyncAPI document, as {@code worker asyncapi} writes it, is valid under the
 * official AsyncAPI 3.0.0 JSON Schema and names every stream and group of the examples; its schemas
 * check clean against their own export.
 */
class ExampleDocumentsTest {
  /** The worker module's reviewed copy of the official schema (see its README there). */
  private static final Path OFFICIAL = Path.of("..", "worker-cli", "src", "test", "resources", "asyncapi",
      "asyncapi-3.0.0.schema.json");

  @TempDir
  Path dir;

  private static String[] run(String... args) {
    CommandLine line = WorkerCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int code = line.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void theShopsAsyncApiDocumentIsValidAndNamesEveryStreamAndGroup() throws Exception {
    String[] r = run("--topic-prefix", "shop.", "--application-name", "shop", "asyncapi", "--format", "json");
    assertEquals("0", r[0], () -> r[2]);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode doc = mapper.readTree(r[1]);
    var problems = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
        .getSchema(mapper.readTree(Files.readString(OFFICIAL))).validate(doc);
    assertEquals(java.util.Set.of(), problems);
    Router router = Router.discover();
    List<String> addresses = new ArrayList<>();
    doc.get("channels").forEach(c -> addresses.add(c.path("address").asText()));
    for (SchemaDefinition<?> s : router.schemas().values()) {
      assertTrue(doc.at("/components/messages").has(s.key().replace(':', '_')), s.key());
      for (String stream : s.streams()) {
        assertTrue(addresses.contains("shop." + stream), () -> stream + " in " + addresses);
      }
    }
    for (Subscription s : router.subscriptions()) {
      assertEquals(s.group(), doc.at("/operations/receive-" + s.group().replaceAll("[^A-Za-z0-9._-]", "_")
          + "/bindings/kafka/groupId/enum/0").asText(), s.group());
    }
    assertTrue(router.subscriptions().size() >= 3, "the shop has its groups");
  }

  @Test
  void theShopsSchemasCheckCleanAgainstTheirOwnExport() {
    Path release = dir.resolve("release");
    assertEquals("0", run("schemas", "export", release.toString())[0]);
    String[] r = run("schemas", "check", "--against", release.toString(), "--mode", "full");
    assertEquals("0", r[0], () -> r[1] + r[2]);
    assertTrue(r[1].startsWith("OK: "), r[1]);
  }
}
