package dev.tidings.processor.internal;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.tidings.processor.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.testing.compile.Compilation;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.tidings.processor.Fixtures;
import dev.tidings.processor.TidingsProcessor;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AsyncAPI document the processor writes into the jar: the compilation's schemas and
 * subscriptions as the worker describes them at run time (the examples' test compares the two on
 * the example shop), valid under the official AsyncAPI 3.0.0 JSON Schema.
 */
class AsyncApiWriterTest {
  /** The worker module's reviewed copy of the official schema (see its README there). */
  private static final Path OFFICIAL = Path.of("..", "worker-cli", "src", "test", "resources", "asyncapi",
      "asyncapi-3.0.0.schema.json");
  private static final List<String> LINT = List.of("-Xlint:all", "-Xlint:-processing", "-Werror");

  @TempDir
  Path dir;

  private static Compilation compile(List<String> options, JavaFileObject... sources) {
    List<String> all = new ArrayList<>(LINT);
    all.addAll(options);
    return javac().withProcessors(new TidingsProcessor()).withOptions(all).compile(sources);
  }

  private static Compilation shop(String... options) {
    return compile(List.of(options), source("valid/Order.java"), source("valid/Billing.java"));
  }

  private static String document(Compilation compilation) {
    try {
      return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, AsyncApiWriter.PATH).orElseThrow()
          .getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode tree(String yaml) throws IOException {
    return new YAMLMapper().readTree(yaml);
  }

  private static Set<ValidationMessage> officialSchemaProblems(JsonNode document) throws IOException {
    try (InputStream in = Files.newInputStream(OFFICIAL)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(new ObjectMapper().readTree(in))
          .validate(document);
    }
  }

  @Test
  void theDocumentIsWrittenIntoTheClassOutputAndMatchesTheGoldenFile() {
    Compilation compilation = shop("-Atidings.application.name=shop", "-Atidings.application.version=1.2.0");
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/tidings/asyncapi.yaml")
        .contentsAsUtf8String()
        .isEqualTo(Fixtures.text("golden/asyncapi.yaml"));
  }

  @Test
  void theDocumentIsValidUnderTheOfficialAsyncApi3SchemaAndHasNoServers() throws IOException {
    JsonNode doc = tree(document(shop()));
    assertEquals(Set.of(), officialSchemaProblems(doc));
    assertTrue(doc.at("/servers").isMissingNode(), "servers are run-time settings");
    assertEquals("tidings-application", doc.at("/info/title").asText());
    assertEquals("unversioned", doc.at("/info/version").asText());
  }

  @Test
  void subscriptionsCarryTheirGroupsPatternsAndSettingsWithTheRuntimesDefaults() throws IOException {
    JsonNode doc = tree(document(shop("-Atidings.topicPrefix=shop.")));
    assertEquals("shop.orders", doc.at("/channels/orders/address").asText());
    assertEquals("send", doc.at("/operations/send-orders/action").asText());
    assertEquals("shop.orders.*", doc.at("/channels/subscription-billing/address").asText());
    assertEquals("billing", doc.at("/operations/receive-billing/bindings/kafka/groupId/enum/0").asText());
    assertTrue(doc.at("/operations/receive-billing/description").asText()
        .startsWith("Delivery: dead_letter on failure, at most 3 attempt(s)"), doc::toString);
    assertTrue(doc.at("/channels/subscription-billing/description").asText()
        .endsWith("a raw handler takes any other message too"), doc::toString);
    assertEquals("Delivery: retry on failure, at most 5 attempt(s), then the dead-letter stream <stream>.dlt;"
        + " concurrency 2, ordering partition", doc.at("/operations/receive-onRefund/description").asText());
    assertTrue(doc.at("/operations/receive-warehouse/description").asText().endsWith(", batches of up to 50"));
    assertTrue(doc.at("/operations/receive-audit/description").asText().contains("concurrency 4, ordering key"));
    assertEquals("shop.orders.*.dlt", doc.at("/channels/dead-letters-billing/address").asText());
    assertEquals("Envelope of Order:2 (record shop.Order); topics created for it keep messages PT168H",
        doc.at("/components/messages/Order_2/summary").asText());
    assertEquals("#/components/schemas/Order_2/$defs/Line",
        doc.at("/components/schemas/Order_2/properties/lines/items/$ref").asText());
    assertEquals(false, doc.at("/components/schemas/Order_2/additionalProperties").asBoolean(true));
  }

  @Test
  void aHandlerOfARecordCompiledElsewhereBringsItsSchemaFromTheClassPath() throws IOException {
    Compilation library = shop();
    assertThat(library).succeeded();
    Path classes = Files.createDirectories(dir.resolve("library"));
    for (JavaFileObject file : library.generatedFiles()) {
      String path = file.toUri().getPath();
      int root = path.indexOf("/CLASS_OUTPUT/");
      if (root >= 0 && !path.endsWith("asyncapi.yaml") && !path.contains("META-INF/services")) {
        Path target = classes.resolve(path.substring(root + "/CLASS_OUTPUT/".length()));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target);
        }
      }
    }
    List<File> classPath = new ArrayList<>();
    classPath.add(classes.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.add(new File(entry));
    }
    Compilation compilation = javac().withProcessors(new TidingsProcessor()).withOptions(LINT)
        .withClasspath(classPath).compile(source("asyncapi/Refunds.java"));
    assertThat(compilation).succeededWithoutWarnings();
    JsonNode doc = tree(document(compilation));
    assertEquals(Set.of(), officialSchemaProblems(doc));
    assertEquals("Order:2", doc.at("/components/messages/Order_2/name").asText());
    assertEquals("orders", doc.at("/channels/orders/address").asText(), "the streams the record declares");
    assertEquals("#/components/messages/Order_2",
        doc.at("/channels/subscription-refunds/messages/Order_2/$ref").asText());
    assertEquals("#/channels/replies-refunds", doc.at("/operations/receive-refunds/reply/channel/$ref").asText());
    assertEquals("refund.results", doc.at("/channels/replies-refunds/address").asText());
    assertTrue(doc.at("/operations/receive-refunds/description").asText()
        .endsWith("; a Kafka share group (queue semantics)"), doc::toString);
  }

  @Test
  void theDefaultsAreTheRuntimes() {
    dev.tidings.Subscription runtime = new dev.tidings.Router().subscribe("orders", "billing");
    assertEquals(runtime.failurePolicy().name(), AsyncApiWriter.DEFAULT_FAILURE_POLICY);
    assertEquals(runtime.maxAttempts(), AsyncApiWriter.DEFAULT_MAX_ATTEMPTS);
    assertEquals(runtime.concurrency(), AsyncApiWriter.DEFAULT_CONCURRENCY);
    assertEquals(runtime.ordering().name(), AsyncApiWriter.DEFAULT_ORDERING);
    assertEquals(runtime.batchSize(), AsyncApiWriter.DEFAULT_BATCH_SIZE);
  }

  @Test
  void theOptionTurnsTheDocumentOffAndACompilationWithoutSchemasOrSubscriptionsHasNone() {
    Compilation off = shop("-Atidings.asyncapi=false");
    assertThat(off).succeededWithoutWarnings();
    assertFalse(off.generatedFile(StandardLocation.CLASS_OUTPUT, AsyncApiWriter.PATH).isPresent());
    Compilation nothing = compile(List.of(), source("derive/NotAnnotated.java"));
    assertThat(nothing).succeededWithoutWarnings();
    assertFalse(nothing.generatedFile(StandardLocation.CLASS_OUTPUT, AsyncApiWriter.PATH).isPresent());
  }
}
