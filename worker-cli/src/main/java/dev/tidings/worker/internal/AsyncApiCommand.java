package dev.tidings.worker.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidings.Router;
import dev.tidings.worker.internal.asyncapi.AsyncApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code worker asyncapi [--format yaml|json] [--out FILE]}: the application's AsyncAPI 3.0 document. */
@Command(name = "asyncapi", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Writes the AsyncAPI 3.0 document of the application: servers (--kafka-servers, without secrets), a channel",
      "per declared stream and per subscription, send and receive operations with their consumer groups, and a",
      "message per schema with its JSON Schema, the Kafka headers and an example. No Kafka needed."
    })
public final class AsyncApiCommand implements Callable<Integer> {
  enum Format { YAML, JSON }

  @Spec
  CommandSpec spec;

  @Option(names = "--format", paramLabel = "yaml|json", defaultValue = "yaml",
      description = "The document's format. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the document to FILE. Default: standard output.")
  Path out;

  @Override
  public Integer call() {
    Console console = Console.of(spec);
    WorkerOptions options = WorkerOptions.of(spec);
    try (LoadedApp app = LoadedApp.load(options)) {
      if (app.isEmpty()) {
        throw app.nothingFound("application to describe");
      }
      ObjectNode document = document(options, servers(options), app.router());
      String text = format == Format.JSON ? AsyncApi.json(document) : AsyncApi.yaml(document);
      if (out == null) {
        console.out(text.stripTrailing());
        return ExitCode.OK;
      }
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(out, text, StandardCharsets.UTF_8);
      console.out("wrote " + out);
      return ExitCode.OK;
    } catch (IOException e) {
      throw new WorkerException(ExitCode.FAILURE, "cannot write the AsyncAPI document to " + out + ": " + e, e);
    }
  }

  /** The servers to describe: {@code --kafka-servers} or {@code bootstrap.servers}, else none. */
  private static String servers(WorkerOptions options) {
    if (options.kafkaServers != null && !options.kafkaServers.isBlank()) {
      return options.kafkaServers.trim();
    }
    Object fromSettings = options.kafkaSettings().values().get("bootstrap.servers");
    return fromSettings == null ? null : fromSettings.toString();
  }

  /** The document of {@code router} as the worker describes it (also served at /asyncapi.yaml). */
  public static ObjectNode document(WorkerOptions options, String servers, Router router) {
    return AsyncApi.document(new AsyncApi.Input(options.applicationName(), options.applicationVersion(), servers,
        options.kafkaSettings().values(), options.topicPrefix == null ? "" : options.topicPrefix, router));
  }
}
