package dev.tidings.internal.tracing;

/** The role of a span, as OpenTelemetry's {@code SpanKind}. */
public enum SpanKind {
  /** Work inside the process. */
  INTERNAL,
  /** Handling a request from a remote caller (an HTTP request to the ingress). */
  SERVER,
  /** A request to a remote server (an HTTP sink call). */
  CLIENT,
  /** Sending a message (a publish, a dead letter, a replay). */
  PRODUCER,
  /** Handling a message (a record, or a batch). */
  CONSUMER
}
