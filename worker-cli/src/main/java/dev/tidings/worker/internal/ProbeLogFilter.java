package dev.tidings.worker.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Logback filter for the worker's console: leaves out what the Kafka clients log about the start-up probe (their
 * messages start with {@code [AdminClient clientId=tidings-worker-probe]}). A failed probe is reported by the worker
 * itself, in one line; the client's own lines would repeat it with stack traces.
 */
public final class ProbeLogFilter extends Filter<ILoggingEvent> {
  private static final String MARK = "clientId=" + ClusterProbe.CLIENT_ID + "]";

  @Override
  public FilterReply decide(ILoggingEvent event) {
    String message = event.getMessage();
    if (message != null && event.getLoggerName().startsWith("org.apache.kafka") && message.contains(MARK)) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
