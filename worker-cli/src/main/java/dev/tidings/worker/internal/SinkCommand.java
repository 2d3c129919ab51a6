package dev.tidings.worker.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code worker --config sink.yaml sink}: runs only the HTTP sinks of the configuration file's {@code
 * sinks:} list (no application needed), until SIGINT/SIGTERM, like the worker runs an application.
 */
@Command(name = "sink", mixinStandardHelpOptions = true,
    description = {
      "Runs the HTTP sinks listed under sinks: in the configuration file (--config, $TIDINGS_CONFIG or"
          + " ./tidings.yaml), without an application, until SIGINT or SIGTERM.",
      "Each sink consumes HttpRequest:1 messages (mode requests) or any message (mode forward), performs the"
          + " HTTP request and publishes the exchange to <stream>.success or <stream>.error."
    })
public final class SinkCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  private final StopSignal stop;

  /** A command that stops on SIGINT/SIGTERM. */
  public SinkCommand() {
    this(new StopSignal());
  }

  SinkCommand(StopSignal stop) {
    this.stop = stop;
  }

  @Override
  public Integer call() throws Exception {
    return new WorkerRun(spec, WorkerOptions.of(spec), stop, true).run();
  }
}
