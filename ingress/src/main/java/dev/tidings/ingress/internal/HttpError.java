package dev.tidings.ingress.internal;

import dev.tidings.ingress.HttpReply;
import java.util.List;

/**
 * A request the server answers with an error: status, stable code, message, details. Thrown
 * without a stack trace (bad input is common and cheap to refuse).
 */
public final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient List<ErrorBody.Detail> details;
  private final boolean retriable;
  private final String retryAfter;

  public HttpError(int status, String code, String message) {
    this(status, code, message, List.of(), false, null);
  }

  public HttpError(int status, String code, String message, List<ErrorBody.Detail> details, boolean retriable,
      String retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.details = List.copyOf(details);
    this.retriable = retriable;
    this.retryAfter = retryAfter;
  }

  /** 503 with {@code Retry-After}. */
  public static HttpError unavailable(String code, String message, int retryAfterSeconds) {
    return new HttpError(503, code, message, List.of(), true, Integer.toString(retryAfterSeconds));
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<ErrorBody.Detail> details() {
    return details == null ? List.of() : details;
  }

  public boolean retriable() {
    return retriable;
  }

  /** The body as written inside a batch result: {@code {"code",...}}. */
  public void writeInner(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
    ErrorBody.writeError(g, code, getMessage(), details(), retriable);
  }

  /** The reply. */
  public HttpReply reply() {
    HttpReply reply = HttpReply.json(status, ErrorBody.write(code, getMessage(), details(), retriable));
    return retryAfter == null ? reply : reply.withHeader("Retry-After", retryAfter);
  }
}
