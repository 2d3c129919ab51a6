package dev.tidings.worker.internal;

/** The worker's exit codes. */
public final class ExitCode {
  /** Success; also after a graceful stop on SIGINT/SIGTERM. */
  public static final int OK = 0;
  /** Failure at run time: Kafka unreachable, the application failed to load or start, not healthy. */
  public static final int FAILURE = 1;
  /** Bad options or arguments; picocli prints the usage. */
  public static final int USAGE = 2;
  /** {@code publish} refused the data: not JSON, not an envelope, unknown schema or invalid data. */
  public static final int INVALID_DATA = 3;
  /** {@code request} got a {@code Failure:1} reply, or a reply of another schema than {@code --reply}. */
  public static final int REMOTE_FAILURE = 4;
  /** {@code request} got no reply within {@code --timeout}. */
  public static final int TIMEOUT = 5;

  private ExitCode() {}
}
