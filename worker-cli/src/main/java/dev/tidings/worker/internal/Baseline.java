package dev.tidings.worker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.ApplicationOptions;
import dev.tidings.RegisteredSchema;
import dev.tidings.SchemaRegistryTopic;
import dev.tidings.Telemetry;
import dev.tidings.TidingsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The schemas of a previous release, by {@code id:version}: a directory written by {@code schemas
 * export} ({@code <id>-<version>.json}), a jar holding {@code META-INF/tidings/schemas/<id>-<version>.json},
 * or the registry topic.
 *
 * @param description where they come from, for messages
 * @param schemas the documents by {@code id:version}
 */
record Baseline(String description, Map<String, JsonNode> schemas) {
  static final String JAR_DIRECTORY = "META-INF/tidings/schemas/";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Loads {@code against}: {@code registry}, a {@code .jar} file, or a directory.
   *
   * @throws WorkerException naming what could not be read and why
   */
  static Baseline load(String against, CommandSpec spec, java.util.function.Consumer<String> progress) {
    if (against.equals("registry")) {
      return registry(spec, progress);
    }
    Path path = Path.of(against);
    if (Files.isRegularFile(path) && against.endsWith(".jar")) {
      return jar(path);
    }
    if (Files.isDirectory(path)) {
      return directory(path);
    }
    throw new WorkerException(ExitCode.USAGE, "--against " + against + " is neither 'registry', a .jar file nor a"
        + " directory of exported schemas (worker schemas export DIR writes one)");
  }

  private static Baseline directory(Path dir) {
    Map<String, JsonNode> schemas = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path file : files) {
        String key = key(file.getFileName().toString(), file.toString());
        schemas.put(key, parse(Files.readString(file), file.toString()));
      }
    } catch (IOException e) {
      throw new WorkerException(ExitCode.FAILURE, "cannot read the schemas in " + dir + ": " + e, e);
    }
    return new Baseline(dir.toString(), schemas);
  }

  private static Baseline jar(Path jar) {
    Map<String, JsonNode> schemas = new TreeMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.startsWith(JAR_DIRECTORY) && name.endsWith(".json") && name.indexOf('/', JAR_DIRECTORY.length()) < 0) {
          String where = jar + "!/" + name;
          try (InputStream in = zip.getInputStream(entry)) {
            schemas.put(key(name.substring(JAR_DIRECTORY.length()), where),
                parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), where));
          }
        }
      }
    } catch (IOException e) {
      throw new WorkerException(ExitCode.FAILURE, "cannot read the jar " + jar + ": " + e, e);
    }
    if (schemas.isEmpty()) {
      throw new WorkerException(ExitCode.FAILURE, "the jar " + jar + " holds no " + JAR_DIRECTORY
          + "<id>-<version>.json: is it a Tidings application built with the tidings-processor?");
    }
    return new Baseline(jar.toString(), schemas);
  }

  private static Baseline registry(CommandSpec spec, java.util.function.Consumer<String> progress) {
    WorkerOptions options = WorkerOptions.of(spec);
    options.validate(spec);
    String servers = options.requireServers(spec);
    ApplicationOptions appOptions = options.applicationOptions(spec, servers, Telemetry.NONE);
    String topic = options.schemasRegistryTopic();
    Map<String, JsonNode> schemas = new TreeMap<>();
    try (SchemaRegistryTopic registry = SchemaRegistryTopic.open(appOptions, topic)) {
      for (RegisteredSchema entry : registry.load(options.schemasRegistryTimeout(), progress).values()) {
        schemas.put(entry.key(), parse(entry.jsonSchema(), "registry " + topic + " key " + entry.key()));
      }
    } catch (TidingsException e) {
      throw new WorkerException(ExitCode.FAILURE, e.getMessage(), e);
    }
    return new Baseline("registry topic " + topic + " at " + servers, schemas);
  }

  /** {@code Order-2.json} is {@code Order:2}. */
  private static String key(String fileName, String where) {
    String base = fileName.substring(0, fileName.length() - ".json".length());
    int dash = base.lastIndexOf('-');
    if (dash <= 0 || !base.substring(dash + 1).matches("[0-9]{1,9}")) {
      throw new WorkerException(ExitCode.FAILURE, where + " is not named <id>-<version>.json (as schemas export"
          + " writes): rename it, e.g. " + base + "-1.json");
    }
    return base.substring(0, dash) + ":" + base.substring(dash + 1);
  }

  static JsonNode parse(String json, String where) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || !(node.isObject() || node.isBoolean())) {
        throw new WorkerException(ExitCode.FAILURE, where + " is not a JSON Schema document (an object)");
      }
      return node;
    } catch (IOException e) {
      throw new WorkerException(ExitCode.FAILURE, where + " is not JSON: " + e.getMessage(), e);
    }
  }
}
