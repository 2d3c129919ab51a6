package dev.tidings.worker.internal;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.DecodeException;
import dev.tidings.PublishResult;
import dev.tidings.SchemaValidationException;
import dev.tidings.Telemetry;
import dev.tidings.internal.KafkaApplication;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code worker [OPTIONS] [APP] publish [--schema ID:VERSION] STREAM JSON}: publishes one message,
 * validated against the application's registered schema; {@code publish --from FILE} publishes a
 * file transport's lines again (see {@link Republish}). Both publish to Kafka whatever transport
 * the configuration file names. Refused data exits with {@link
 * ExitCode#INVALID_DATA} and a message naming the JSON pointer and the rule.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = {
      "Publishes one message to STREAM, validated against the application's registered schema.",
      "JSON is a whole envelope {\"schema\": \"Id:1\", \"data\": {...}}, or with --schema only the data."
    })
public final class PublishCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--schema", paramLabel = "ID:VERSION",
      description = "Wrap JSON as the data of this schema, e.g. OrderPlaced:1. Default: JSON is an envelope.")
  String schema;

  @Option(names = "--key", paramLabel = "KEY", description = "The message key, as UTF-8. Default: none.")
  String key;

  @Option(names = {"-H", "--header"}, paramLabel = "NAME=VALUE",
      description = "A Kafka header, may be repeated. Default: none.")
  Map<String, String> headers = new LinkedHashMap<>();

  @Option(names = "--from", paramLabel = "FILE",
      description = "Publish again, in order, every line a file transport wrote to FILE (its rotated files FILE.1,"
          + " FILE.2, ... first), each validated again; prints progress and a summary. Takes no STREAM and JSON."
          + " Exit 3 when lines were refused, 1 when Kafka failed (resume with --from-line). Default: none.")
  Path from;

  @Option(names = "--from-line", paramLabel = "N", defaultValue = "1",
      description = "With --from, start at line N (counted over all the files, from 1). Default: ${DEFAULT-VALUE}.")
  long fromLine;

  @Parameters(index = "0", arity = "0..1", paramLabel = "STREAM",
      description = "The stream (the topic without the prefix).")
  String stream;

  @Parameters(index = "1", arity = "0..1", paramLabel = "JSON",
      description = "The JSON text, @file to read it from a file, or - to read standard input.")
  String json;

  @Override
  public Integer call() throws InterruptedException {
    WorkerOptions options = WorkerOptions.of(spec);
    options.validate(spec);
    Console console = Console.of(spec);
    String servers = options.requireServers(spec);
    if (from != null) {
      if (stream != null || json != null) {
        throw new ParameterException(spec.commandLine(), "--from takes no STREAM and JSON: each line names its"
            + " stream");
      }
      if (fromLine < 1) {
        throw new ParameterException(spec.commandLine(), "--from-line is " + fromLine + ": use 1 or more");
      }
      return republish(options, servers, console);
    }
    if (stream == null || json == null) {
      throw new ParameterException(spec.commandLine(), "Missing required parameters: STREAM and JSON (or --from FILE)");
    }
    byte[] envelope;
    try {
      String text = read(json);
      envelope = schema == null ? text.getBytes(StandardCharsets.UTF_8) : Json.envelope(schema, text);
    } catch (IllegalArgumentException e) {
      console.error("refused: " + e.getMessage());
      return ExitCode.INVALID_DATA;
    }
    try (LoadedApp loaded = LoadedApp.load(options)) {
      if (loaded.router().schemas().isEmpty()) {
        throw loaded.nothingFound("schemas to validate against");
      }
      ApplicationOptions appOptions = options.applicationOptions(spec, servers, Telemetry.NONE);
      ClusterProbe.check(servers, options.kafkaSettings().values(), options.connectTimeout());
      try (Application app = Application.create(appOptions)) {
        app.mount(loaded.router());
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        PublishResult result = app.publishEnvelope(stream, envelope, keyBytes, headers)
            .get(appOptions.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        console.out("published to " + result.topic() + " partition " + result.partition() + " offset "
            + result.offset());
        return ExitCode.OK;
      } catch (SchemaValidationException | DecodeException e) {
        console.error("refused: " + e.getMessage());
        return ExitCode.INVALID_DATA;
      } catch (ExecutionException e) {
        throw new WorkerException(ExitCode.FAILURE, "publishing to " + stream + " failed: " + e.getCause().getMessage(),
            e.getCause());
      } catch (TimeoutException e) {
        throw new WorkerException(ExitCode.FAILURE, "publishing to " + stream + " got no answer from Kafka at "
            + servers + " within " + DurationConverter.format(appOptions.publishTimeout()), e);
      }
    }
  }

  private int republish(WorkerOptions options, String servers, Console console) throws InterruptedException {
    try (LoadedApp loaded = LoadedApp.load(options)) {
      if (loaded.router().schemas().isEmpty()) {
        throw loaded.nothingFound("schemas to validate against");
      }
      ApplicationOptions appOptions = options.applicationOptions(spec, servers, Telemetry.NONE);
      ClusterProbe.check(servers, options.kafkaSettings().values(), options.connectTimeout());
      try (KafkaApplication app = new KafkaApplication(appOptions)) {
        app.mount(loaded.router());
        return new Republish(app, console, appOptions.publishTimeout(), fromLine).run(from);
      }
    }
  }

  private String read(String argument) {
    if (argument.equals("-")) {
      try (InputStream in = System.in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ParameterException(spec.commandLine(), "cannot read JSON from standard input: " + e);
      }
    }
    if (argument.startsWith("@")) {
      Path file = Path.of(argument.substring(1));
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new ParameterException(spec.commandLine(), "JSON file " + file.toAbsolutePath() + " does not exist");
      } catch (IOException e) {
        throw new ParameterException(spec.commandLine(), "cannot read JSON file " + file + ": " + e);
      }
    }
    return argument;
  }
}
