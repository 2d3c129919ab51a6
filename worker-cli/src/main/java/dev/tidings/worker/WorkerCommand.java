package dev.tidings.worker;

import dev.tidings.TidingsException;
import dev.tidings.worker.internal.AsyncApiCommand;
import dev.tidings.worker.internal.Console;
import dev.tidings.worker.internal.ExitCode;
import dev.tidings.worker.internal.HealthcheckCommand;
import dev.tidings.worker.internal.IngressCommand;
import dev.tidings.worker.internal.IngressOptions;
import dev.tidings.worker.internal.DltCommand;
import dev.tidings.worker.internal.PublishCommand;
import dev.tidings.worker.internal.RequestCommand;
import dev.tidings.worker.internal.SchemasCommand;
import dev.tidings.worker.internal.SinkCommand;
import dev.tidings.worker.internal.Secrets;
import dev.tidings.worker.internal.StopSignal;
import dev.tidings.worker.internal.VersionProvider;
import dev.tidings.worker.internal.WorkerException;
import dev.tidings.worker.internal.WorkerOptions;
import dev.tidings.worker.internal.WorkerRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code worker [OPTIONS] [APP] [COMMAND]}: runs a Tidings application until SIGINT/SIGTERM, or
 * runs an operator subcommand. Build the configured command line with {@link #commandLine()}:
 *
 * <pre>{@code
 * int exitCode = WorkerCommand.commandLine().execute(args);
 * }</pre>
 *
 * <p>Exit codes: 0 success (also after a graceful stop on a signal), 1 failure (Kafka unreachable,
 * the application failed to load or start, unhealthy), 2 bad options (with the usage), 3 data
 * refused by {@code publish}. Everything printed is masked: values of settings whose names contain
 * {@code password}, {@code secret}, {@code token}, {@code key} or {@code sasl.jaas.config} never
 * appear.
 */
@Command(name = "worker", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {
      "Runs a Tidings application: every subscription of the registrations found on the class path (or of the"
          + " application class APP), on a Kafka cluster or on an embedded dev broker (--dev), until SIGINT or"
          + " SIGTERM, then stops gracefully (in-flight messages finish, offsets are committed, groups are left)."
    },
    subcommands = {SchemasCommand.class, PublishCommand.class, RequestCommand.class, DltCommand.class,
        HealthcheckCommand.class, SinkCommand.class, AsyncApiCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  success, also after a graceful stop on SIGINT/SIGTERM",
      "  1  failure: Kafka unreachable, the application failed to load or start,",
      "     not healthy",
      "  2  bad options or arguments",
      "  3  publish refused the data (not JSON, unknown schema, invalid data)",
      "  4  request got a Failure:1 reply (or not the --reply schema)",
      "  5  request got no reply within --timeout",
      "",
      "Examples:",
      "  worker --dev -cp my-app.jar",
      "  worker --kafka-servers kafka:9092 --kafka-settings @client.properties \\",
      "         --http-port 8080 -cp my-app.jar",
      "  worker --dev -cp my-app.jar --http-port 8080 --ingress --ingress-auth none",
      "  worker -cp my-app.jar ingress --port 8080 --ingress-auth credentials.txt",
      "  worker -cp my-app.jar publish --schema OrderPlaced:1 orders \\",
      "         '{\"orderId\":\"o-1\",\"quantity\":2}'",
      "  worker -cp my-app.jar request executions --schema ExecutionRequest:1 \\",
      "         --data '{\"jobId\":\"job-1\",\"operation\":\"SUM\",\"operands\":[1,2]}' \\",
      "         --reply ExecutionResult:1 --timeout 30s",
      "  worker -cp my-app.jar schemas export build/schemas",
      "  worker -cp my-app.jar schemas check --against build/schemas",
      "  worker -cp my-app.jar asyncapi --out build/asyncapi.yaml",
      "  worker --kafka-servers kafka:9092 --config sink.yaml sink"
    })
public final class WorkerCommand implements Callable<Integer> {
  @Mixin(name = WorkerOptions.MIXIN)
  WorkerOptions options;

  @Mixin(name = IngressOptions.MIXIN)
  IngressOptions ingress;

  @Spec
  CommandSpec spec;

  private final StopSignal stop;

  /** A command that stops on SIGINT/SIGTERM. */
  public WorkerCommand() {
    this(new StopSignal());
  }

  WorkerCommand(StopSignal stop) {
    this.stop = stop;
  }

  /** A command line for a new {@link WorkerCommand}, configured as {@link Main} runs it. */
  public static CommandLine commandLine() {
    return commandLine(new WorkerCommand());
  }

  static CommandLine commandLine(WorkerCommand command) {
    CommandLine line = new CommandLine(command);
    line.addSubcommand("ingress", new IngressCommand(() -> command.stop));
    line.setCaseInsensitiveEnumValuesAllowed(true);
    // @file is ours (--kafka-settings @client.properties, publish ... @message.json), not picocli's argument files
    line.setExpandAtFiles(false);
    line.setParameterExceptionHandler(WorkerCommand::usageError);
    line.setExecutionExceptionHandler(WorkerCommand::failure);
    return line;
  }

  @Override
  public Integer call() throws Exception {
    return new WorkerRun(spec, options, stop).run();
  }

  /** The options, secrets masked. */
  @Override
  public String toString() {
    return "worker[" + options + ", " + ingress + "]";
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine line = e.getCommandLine();
    PrintWriter err = line.getErr();
    err.println(line.getColorScheme().errorText(Secrets.mask(e.getMessage())));
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
      err.print(Secrets.mask(line.getUsageMessage(line.getColorScheme())));
    }
    err.flush();
    return ExitCode.USAGE;
  }

  private static int failure(Exception e, CommandLine line, CommandLine.ParseResult parsed) {
    Console console = new Console(line.getOut(), line.getErr());
    if (e instanceof WorkerException w) {
      console.error(w.getMessage());
      return w.exitCode();
    }
    if (e instanceof TidingsException) {
      console.error(e.getMessage());
      return ExitCode.FAILURE;
    }
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    console.error("unexpected failure, please report it: " + trace);
    return ExitCode.FAILURE;
  }
}
