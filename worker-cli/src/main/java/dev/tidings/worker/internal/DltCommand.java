package dev.tidings.worker.internal;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.PublishException;
import dev.tidings.ReplayFilter;
import dev.tidings.ReplayResult;
import dev.tidings.Router;
import dev.tidings.Telemetry;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code worker dlt replay STREAM}: republishes dead letters to the topics they came from. */
@Command(name = "dlt", mixinStandardHelpOptions = true, description = "Works with dead-letter streams.",
    subcommands = DltCommand.Replay.class)
public final class DltCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.USAGE;
  }

  /** Republishes the dead letters of a stream, optionally filtered. */
  @Command(name = "replay", mixinStandardHelpOptions = true,
      description = {
        "Republishes the dead letters of STREAM (e.g. orders.dlt) to the topics they came from, with their",
        "original key, value and headers, so that fixed handlers process them again. Dead letters stay in",
        "STREAM: replaying twice republishes twice (use --from to continue after an earlier replay)."
      })
  public static final class Replay implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STREAM", description = "The dead-letter stream, e.g. orders.dlt.")
    String stream;

    @Option(names = "--exception", paramLabel = "CLASS_OR_REASON",
        description = "Only dead letters of this exception class (e.g. java.lang.IllegalStateException) or"
            + " reason (e.g. INVALID_DATA). Default: all.")
    String exception;

    @Option(names = "--from", paramLabel = "OFFSET", defaultValue = "0",
        description = "First offset of the dead-letter topic to replay. Default: ${DEFAULT-VALUE}.")
    long from;

    @Option(names = "--to", paramLabel = "OFFSET", defaultValue = "" + Long.MAX_VALUE,
        description = "Last offset (inclusive) to replay. Default: the end.")
    long to;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
        description = "How long the replay may take. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Override
    public Integer call() {
      WorkerOptions options = WorkerOptions.of(spec);
      options.validate(spec);
      Console console = Console.of(spec);
      String servers = options.requireServers(spec);
      ReplayFilter filter = ReplayFilter.all().offsets(from, to);
      if (exception != null) {
        filter = filter.exceptionClass(exception);
      }
      ApplicationOptions appOptions = options.applicationOptions(spec, servers, Telemetry.NONE);
      ClusterProbe.check(servers, options.kafkaSettings().values(), options.connectTimeout());
      try (Application app = Application.create(appOptions)) {
        app.mount(new Router());
        ReplayResult result = app.replayDeadLetters(stream, filter, timeout);
        console.out("replayed " + result.replayed() + " dead letters from " + appOptions.topicPrefix() + stream
            + " (" + result.skipped() + " filtered out, " + result.unreplayable() + " without an origin)");
        return ExitCode.OK;
      } catch (PublishException e) {
        throw new WorkerException(ExitCode.FAILURE, e.getMessage(), e);
      }
    }
  }
}
