package dev.tidings.worker;

import dev.tidings.worker.internal.StopSignal;

/**
 * The {@code worker} entry point: {@code java -cp "app.jar:tidings-worker-all.jar"
 * dev.tidings.worker.Main [OPTIONS] [APP] [COMMAND]}. See {@link WorkerCommand}.
 */
public final class Main {
  private Main() {}

  /** Runs the worker and exits with its exit code. */
  public static void main(String[] args) {
    int code = WorkerCommand.commandLine().execute(args);
    System.out.flush();
    System.err.flush();
    if (StopSignal.jvmExiting()) {
      // A signal started the JVM's exit, which would end with status 128 + signal once the hooks
      // return; the worker has stopped gracefully, so end now with its own code.
      Runtime.getRuntime().halt(code);
    }
    System.exit(code);
  }
}
