package dev.tidings.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AsyncAPI document the processor wrote into the examples jar at build time is the document
 * {@code worker asyncapi} writes for that jar at run time, less the servers (run-time settings):
 * the same text without {@code --kafka-servers}, the same tree once the servers are removed with
 * them; and it is valid under the official AsyncAPI 3.0.0 JSON Schema. Runs after {@code package},
 * on the examples jar and the worker's runnable jar (built before this module by the reactor); the
 * surefire execution of the {@code integration-test} phase sets {@code tidings.packaged}, so that
 * {@code -Dtest=AsyncApiJarIT} does not run it on the jar of an earlier build in the test phase.
 */
@EnabledIfSystemProperty(named = "tidings.packaged", matches = "true")
class AsyncApiJarIT {
  private static final String VERSION = System.getProperty("project.version", "0.1.0-SNAPSHOT");
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path JAR = MODULE.resolve("target/tidings-examples-" + VERSION + ".jar");
  private static final Path WORKER = MODULE.resolve("../worker-cli/target/tidings-worker-" + VERSION + "-all.jar")
      .normalize();
  /** The worker module's reviewed copy of the official schema (see its README there). */
  private static final Path OFFICIAL = MODULE.resolve("../worker-cli/src/test/resources/asyncapi/"
      + "asyncapi-3.0.0.schema.json").normalize();

  @TempDir
  Path dir;

  private static String fromJar() throws IOException {
    assertTrue(Files.isRegularFile(JAR), JAR + " is built by package");
    try (ZipFile zip = new ZipFile(JAR.toFile())) {
      ZipEntry entry = zip.getEntry("META-INF/tidings/asyncapi.yaml");
      assertTrue(entry != null, "the examples jar holds META-INF/tidings/asyncapi.yaml");
      try (InputStream in = zip.getInputStream(entry)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  /** {@code java -jar tidings-worker-all.jar -cp <examples jar> <args>}: its standard output. */
  private String worker(String... args) throws Exception {
    assertTrue(Files.isRegularFile(WORKER), WORKER + " is built by the reactor before this module"
        + " (mvn verify -pl examples -am)");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", WORKER.toString(), "-cp", JAR.toString()));
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("TIDINGS_") || name.startsWith("KAFKA_"));
    Process process = builder.start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the worker ends");
    assertEquals(0, process.exitValue(), () -> read(err));
    return Files.readString(out);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Test
  void theJarsDocumentIsWhatTheWorkerWritesForTheJarWithoutServers() throws Exception {
    String built = fromJar();
    String run = worker("asyncapi");
    assertEquals(run.stripTrailing(), built.stripTrailing());
  }

  @Test
  void withServersTheWorkersDocumentDiffersOnlyByThem() throws Exception {
    YAMLMapper yaml = new YAMLMapper();
    JsonNode built = yaml.readTree(fromJar());
    ObjectNode run = (ObjectNode) yaml.readTree(worker("--kafka-servers", "kafka-1:9092,kafka-2:9092", "asyncapi"));
    assertEquals("kafka-1:9092", run.at("/servers/kafka-1/host").asText(), run::toString);
    run.remove("servers");
    assertEquals(built, run);
  }

  @Test
  void theJarsDocumentIsValidUnderTheOfficialAsyncApi3SchemaAndDescribesTheShop() throws Exception {
    JsonNode doc = new YAMLMapper().readTree(fromJar());
    ObjectMapper mapper = new ObjectMapper();
    var problems = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
        .getSchema(mapper.readTree(Files.readString(OFFICIAL))).validate(doc);
    assertEquals(Set.of(), problems);
    assertEquals("tidings-examples", doc.at("/info/title").asText());
    assertEquals(VERSION, doc.at("/info/version").asText());
    assertTrue(doc.at("/servers").isMissingNode());
    for (String group : List.of("billing", "shipping", "ledger", "audit", "executors")) {
      assertEquals(group, doc.at("/operations/receive-" + group + "/bindings/kafka/groupId/enum/0").asText(), group);
    }
    assertEquals("orders.eu", doc.at("/channels/orders.eu/address").asText());
    assertEquals("execution.results", doc.at("/channels/replies-executors/address").asText());
    assertEquals("OrderPlaced:1", doc.at("/components/messages/OrderPlaced_1/name").asText());
  }
}
