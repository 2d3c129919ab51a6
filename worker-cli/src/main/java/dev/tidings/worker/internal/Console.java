package dev.tidings.worker.internal;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** The command's output and error writers; every line is masked (see {@link Secrets}). */
public final class Console {
  private final PrintWriter out;
  private final PrintWriter err;

  public Console(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** The writers of the command being run (picocli's, replaceable in tests). */
  public static Console of(CommandSpec spec) {
    return new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** A line on standard output. */
  public void out(String line) {
    out.println(Secrets.mask(line));
    out.flush();
  }

  /** A line on standard error. */
  public void err(String line) {
    err.println(Secrets.mask(line));
    err.flush();
  }

  /** An {@code error: ...} line on standard error. */
  public void error(String message) {
    err("error: " + message);
  }
}
