package dev.tidings.worker.internal;

/**
 * A failure the worker reports as one line (no stack trace) and an exit code. The message must
 * say what was wrong and what to do; it is masked before it is printed.
 */
public final class WorkerException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public WorkerException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public WorkerException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The process exit code, see {@link ExitCode}. */
  public int exitCode() {
    return exitCode;
  }
}
