package dev.tidings.worker.testing;

import dev.tidings.worker.WorkerCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the worker's command line in this JVM with captured output. */
public final class Cli {
  private Cli() {}

  /** What a run printed and returned. */
  public record Result(int exitCode, String out, String err) {
    /** Both streams, for assertions that do not care which. */
    public String all() {
      return out + err;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
  }

  /** Runs {@code worker args...}. */
  public static Result run(String... args) {
    return run(WorkerCommand.commandLine(), args);
  }

  /** Runs {@code args} on a configured command line. */
  public static Result run(CommandLine line, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int code = line.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
