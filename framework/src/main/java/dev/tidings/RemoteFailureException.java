package dev.tidings;

/**
 * The serving side answered a request with a {@link Failure}: its handler failed after its
 * retries, or it could not decode the request. Fatal for this request; sending it again runs the
 * handler again.
 */
public class RemoteFailureException extends TidingsException {
  private static final long serialVersionUID = 1L;
  private final transient Failure failure;

  public RemoteFailureException(String stream, Failure failure) {
    super("the request to '" + stream + "' failed remotely with " + failure.code() + ": " + failure.message()
        + " (" + failure.exceptionClass() + " after " + failure.attempts() + " attempt(s))");
    this.failure = failure;
  }

  /** What the serving side reported. */
  public Failure failure() {
    return failure;
  }
}
