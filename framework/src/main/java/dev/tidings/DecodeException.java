package dev.tidings;

/**
 * Bytes could not be read as a Tidings envelope (not UTF-8 JSON, not an object with {@code schema}
 * and {@code data}, an unknown schema, or data that does not bind to the record). Fatal for those
 * bytes: they will never decode.
 */
public class DecodeException extends TidingsException {
  private static final long serialVersionUID = 1L;

  /** Why decoding failed, as a stable label for logs, metrics and dead-letter headers. */
  public enum Reason {
    NOT_JSON,
    NOT_ENVELOPE,
    UNKNOWN_SCHEMA,
    INVALID_DATA,
    BIND_FAILED,
    BAD_HEADER
  }

  private final Reason reason;

  public DecodeException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public DecodeException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
