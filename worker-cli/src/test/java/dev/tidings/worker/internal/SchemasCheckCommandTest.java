package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.worker.fixtures.Greeting;
import dev.tidings.worker.testing.Cli;
import dev.tidings.worker.testing.Cli.Result;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemasCheckCommandTest {
  private static final String FAREWELL_APP = "dev.tidings.worker.fixtures.RouterFactoryApp";
  /** Greeting:1 only (the worker's class path holds other registrations too). */
  private static final String GREETING_APP = "dev.tidings.worker.fixtures.GreetingRegistration";

  @TempDir
  Path dir;

  @Test
  void anExportedReleaseChecksCleanAgainstItself() {
    Path release = dir.resolve("release");
    assertEquals(0, Cli.run(GREETING_APP, "schemas", "export", release.toString()).exitCode());
    Result r = Cli.run(GREETING_APP, "schemas", "check", "--against", release.toString());
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("OK: 1 schema(s) checked against " + release + " (mode backward): 1 unchanged; 0 problem(s)",
        r.out().strip(), r::toString);
  }

  @Test
  void aChangedIdVersionIsAnErrorNamingTheSchemaThePointerAndTheRule() throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("Greeting-1.json"), Greeting.SCHEMA.replace("\"minLength\":1", "\"minLength\":2"));
    Result r = Cli.run(GREETING_APP, "schemas", "check", "--against", dir.toString(), "--mode", "none");
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.out().startsWith("Greeting:1 /properties/text/minLength [schema-changed]: the schema registered as"
        + " Greeting:1 changed (first difference at /properties/text/minLength)"), r::toString);
    assertTrue(r.out().contains("FAILED: 1 schema(s) checked against " + dir + " (mode none): 1 changed;"
        + " 1 problem(s)"), r::toString);
  }

  @Test
  void aNewVersionIsCheckedAgainstThePreviousOneUnderTheMode() throws Exception {
    Files.writeString(dir.resolve("Farewell-1.json"), "{\"type\":\"object\",\"properties\":{\"to\":{\"type\":\"string\"}}}");
    Result backward = Cli.run(FAREWELL_APP, "schemas", "check", "--against", dir.toString());
    assertEquals(1, backward.exitCode(), backward::toString);
    assertTrue(backward.out().startsWith("Farewell:2 vs Farewell:1 /required [required-added]: backward: Farewell:2"
        + " requires 'to'; data written with Farewell:1 may lack it"), backward::toString);
    assertTrue(backward.out().contains("1 incompatible; 1 problem(s)"), backward::toString);

    Result forward = Cli.run(FAREWELL_APP, "schemas", "check", "--against", dir.toString(), "--mode", "forward");
    assertEquals(0, forward.exitCode(), forward::toString);
    assertTrue(forward.out().contains("OK: 1 schema(s) checked against " + dir + " (mode forward): 1 compatible"),
        forward::toString);
  }

  @Test
  void jsonFormatIsOneDocumentForMachines() throws Exception {
    Files.writeString(dir.resolve("Farewell-1.json"), "{\"type\":\"object\",\"properties\":{\"to\":{\"type\":\"string\"}}}");
    Result r = Cli.run(FAREWELL_APP, "schemas", "check", "--against", dir.toString(), "--mode", "full",
        "--format", "json");
    assertEquals(1, r.exitCode(), r::toString);
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals(false, doc.get("ok").asBoolean());
    assertEquals("full", doc.get("mode").asText());
    assertEquals("incompatible", doc.at("/schemas/0/status").asText());
    assertEquals("Farewell:1", doc.at("/schemas/0/previous").asText());
    assertEquals("required-added", doc.at("/problems/0/rule").asText());
    assertEquals("/required", doc.at("/problems/0/pointer").asText());
    assertEquals(1, doc.get("problems").size(), r::toString);
  }

  @Test
  void aJarOfThePreviousReleaseIsABaseline() throws Exception {
    Path jar = dir.resolve("app-1.0.jar");
    try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("META-INF/tidings/schemas/Greeting-1.json"));
      zip.write(Greeting.SCHEMA.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("dev/Other.class"));
      zip.closeEntry();
    }
    Result r = Cli.run(GREETING_APP, "schemas", "check", "--against", jar.toString());
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().contains("1 unchanged; 0 problem(s)"), r::toString);
  }

  @Test
  void aBaselineThatIsNeitherRegistryNorJarNorDirectoryIsAUsageError() {
    Result r = Cli.run(GREETING_APP, "schemas", "check", "--against", dir.resolve("missing").toString());
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().contains("is neither 'registry', a .jar file nor a directory"), r::toString);
  }

  @Test
  void aBadlyNamedFileIsRefusedWithTheFix() throws Exception {
    Files.writeString(dir.resolve("greeting.json"), Greeting.SCHEMA);
    Result r = Cli.run(GREETING_APP, "schemas", "check", "--against", dir.toString());
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.err().contains("is not named <id>-<version>.json"), r::toString);
  }
}
