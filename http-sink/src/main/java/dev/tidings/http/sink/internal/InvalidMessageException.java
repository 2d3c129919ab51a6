package dev.tidings.http.sink.internal;

import dev.tidings.TidingsException;

/**
 * A message the sink cannot turn into a request (a bad URL, method, base64 body, timeout, or a URL
 * template placeholder the message lacks). Never retried: the message goes to the dead-letter stream.
 */
public final class InvalidMessageException extends TidingsException {
  private static final long serialVersionUID = 1L;

  public InvalidMessageException(String message) {
    super(message);
  }

  public InvalidMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
