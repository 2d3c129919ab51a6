package dev.tidings;

/**
 * The root of every exception Tidings throws. Its subclasses say what the caller can do: {@link
 * ConfigurationException} and {@link SchemaValidationException} are fatal for the call (fix the
 * input), {@link PublishException#isRetriable()} tells whether trying again may succeed.
 */
public class TidingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TidingsException(String message) {
    super(message);
  }

  public TidingsException(String message, Throwable cause) {
    super(message, cause);
  }
}
