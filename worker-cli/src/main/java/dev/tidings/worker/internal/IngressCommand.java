package dev.tidings.worker.internal;

import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code worker [OPTIONS] [APP] ingress --port PORT}: runs the HTTP ingress alone (the
 * application's schemas, no subscriptions) with health and metrics on the same port, until
 * SIGINT/SIGTERM. Works with {@code --dev}.
 */
@Command(name = "ingress", mixinStandardHelpOptions = true,
    description = {
      "Runs the HTTP ingress alone: POST /v1/streams/{stream} (and /batch, raw routes) publish validated messages"
          + " of the application's schemas, answered after the broker stored them; /health, /metrics,"
          + " /v1/openapi.json and / on the same port. No subscriptions run.",
      "Example: worker --dev -cp my-app.jar ingress --port 8080 --ingress-auth none"
    })
public final class IngressCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:TIDINGS_HTTP_PORT:-8080}",
      description = "The HTTP port. Env: TIDINGS_HTTP_PORT. Default: ${DEFAULT-VALUE}.")
  int port;

  private final Supplier<StopSignal> stop;

  /** A command stopped by the root command's stop signal. */
  public IngressCommand(Supplier<StopSignal> stop) {
    this.stop = stop;
  }

  @Override
  public Integer call() throws Exception {
    if (port < 1 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port is " + port + ": use 1-65535");
    }
    return new WorkerRun(spec, WorkerOptions.of(spec), stop.get(), port).run();
  }
}
