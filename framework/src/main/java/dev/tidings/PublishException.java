package dev.tidings;

/**
 * A message could not be stored. {@link #isRetriable()} is {@code true} when the cause is
 * transient (broker unavailable, timeout) and publishing again may succeed.
 */
public class PublishException extends TidingsException {
  private static final long serialVersionUID = 1L;
  private final boolean retriable;

  public PublishException(String message, boolean retriable, Throwable cause) {
    super(message, cause);
    this.retriable = retriable;
  }

  public boolean isRetriable() {
    return retriable;
  }
}
