package dev.tidings;

/**
 * The Kafka headers of request/reply. Both carry UTF-8 strings. Other producers (kafkaesk, the
 * HTTP ingress, any Kafka client) make a request by setting them on an envelope.
 */
public final class RequestHeaders {
  /** Ties a reply to its request; the reply carries the request's value unchanged. */
  public static final String CORRELATION_ID = "tidings.correlation-id";

  /**
   * The stream (without topic prefix) the reply goes to; the serving application adds its own
   * topic prefix.
   */
  public static final String REPLY_TO = "tidings.reply-to";

  /** The W3C trace context, copied from a request to its reply. */
  public static final String TRACEPARENT = "traceparent";

  private RequestHeaders() {}
}
