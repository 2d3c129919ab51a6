package dev.tidings.worker.internal;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.DecodeException;
import dev.tidings.MessageContext;
import dev.tidings.RemoteFailureException;
import dev.tidings.RequestTimeoutException;
import dev.tidings.SchemaValidationException;
import dev.tidings.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
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
 * {@code worker [OPTIONS] [APP] request STREAM --data JSON [--schema ID:VERSION] [--reply ID:VERSION]
 * [--timeout 30s]}: sends one validated request and prints the reply envelope on standard output.
 * A {@code Failure:1} reply exits with {@link ExitCode#REMOTE_FAILURE}, no reply in time with {@link
 * ExitCode#TIMEOUT}, refused data with {@link ExitCode#INVALID_DATA}.
 */
@Command(name = "request", mixinStandardHelpOptions = true,
    description = {
      "Sends one request to STREAM, validated against the application's registered schema, waits for the reply of"
          + " the subscription serving it and prints the reply envelope.",
      "Exit codes: 0 reply, 3 refused data, 4 failure reply (or not the --reply schema), 5 no reply in time."
    })
public final class RequestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STREAM", description = "The stream of the requests (the topic without the prefix).")
  String stream;

  @Option(names = "--data", required = true, paramLabel = "JSON",
      description = "The request: a whole envelope, or with --schema only the data; @file reads a file, - standard input.")
  String data;

  @Option(names = "--schema", paramLabel = "ID:VERSION",
      description = "Wrap --data as the data of this schema, e.g. ExecutionRequest:1. Default: --data is an envelope.")
  String schema;

  @Option(names = "--reply", paramLabel = "ID:VERSION",
      description = "The schema the reply must have, e.g. ExecutionResult:1; another one exits with 4. Default: any.")
  String reply;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
      description = "How long to wait for the reply (ms, s, m, h). Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(names = "--key", paramLabel = "KEY", description = "The request's key, as UTF-8. Default: none.")
  String key;

  @Option(names = {"-H", "--header"}, paramLabel = "NAME=VALUE",
      description = "A Kafka header, may be repeated. Default: none.")
  Map<String, String> headers = new LinkedHashMap<>();

  @Override
  public Integer call() throws InterruptedException {
    WorkerOptions options = WorkerOptions.of(spec);
    options.validate(spec);
    Console console = Console.of(spec);
    String servers = options.requireServers(spec);
    byte[] envelope;
    try {
      String text = read(data);
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
        if (reply != null && app.schema(reply) == null) {
          console.error("--reply " + reply + " is not a schema of the application; known: " + app.schemas().keySet());
          return ExitCode.USAGE;
        }
        Map<String, byte[]> raw = new LinkedHashMap<>();
        headers.forEach((k, v) -> raw.put(k, v.getBytes(StandardCharsets.UTF_8)));
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        MessageContext answer = app.requestEnvelope(stream, envelope, raw, keyBytes, timeout)
            .get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        String text = new String(answer.value(), StandardCharsets.UTF_8);
        if (reply != null && !reply.equals(answer.schema())) {
          console.out(text);
          console.error("the reply has schema " + answer.schema() + ", not " + reply);
          return ExitCode.REMOTE_FAILURE;
        }
        console.out(text);
        return ExitCode.OK;
      } catch (SchemaValidationException | DecodeException e) {
        console.error("refused: " + e.getMessage());
        return ExitCode.INVALID_DATA;
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RemoteFailureException failure) {
          console.error(failure.getMessage());
          return ExitCode.REMOTE_FAILURE;
        }
        if (e.getCause() instanceof RequestTimeoutException) {
          console.error(e.getCause().getMessage());
          return ExitCode.TIMEOUT;
        }
        throw new WorkerException(ExitCode.FAILURE, "the request to " + stream + " failed: " + e.getCause().getMessage(),
            e.getCause());
      } catch (TimeoutException e) {
        console.error("no reply to the request on " + stream + " within " + DurationConverter.format(timeout));
        return ExitCode.TIMEOUT;
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
