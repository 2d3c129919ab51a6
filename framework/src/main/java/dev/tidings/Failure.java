package dev.tidings;

/**
 * The standard error reply, schema {@code Failure:1}: sent instead of a reply when a request's
 * handler failed after its last attempt, or when the request could not be decoded. The request
 * itself goes to the dead-letter stream as usual.
 *
 * <pre>{@code
 * {"schema":"Failure:1","data":{"code":"HANDLER_FAILED","message":"no such job",
 *  "exceptionClass":"java.lang.IllegalArgumentException","attempts":5}}
 * }</pre>
 *
 * @param code {@code HANDLER_FAILED}, or the decode reason ({@code NOT_JSON}, {@code INVALID_DATA},
 *     ...) for a request that never reached its handler
 * @param message the exception's message
 * @param exceptionClass the exception's class name
 * @param attempts how often the handler ran (0 for a request that was not decoded)
 */
public record Failure(String code, String message, String exceptionClass, int attempts) {
  /** The schema key of error replies. */
  public static final String SCHEMA = "Failure:1";
}
