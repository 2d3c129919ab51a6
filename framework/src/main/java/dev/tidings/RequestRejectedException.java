package dev.tidings;

/**
 * A request was refused before it was sent, because {@link ApplicationOptions#maxPendingRequests()}
 * requests already wait for their replies. Retriable once some of them are answered.
 */
public class RequestRejectedException extends TidingsException {
  private static final long serialVersionUID = 1L;

  public RequestRejectedException(int pending) {
    super(pending + " requests already wait for their replies (maxPendingRequests): wait for some to"
        + " complete, or raise maxPendingRequests");
  }
}
