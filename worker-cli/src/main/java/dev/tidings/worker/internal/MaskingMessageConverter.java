package dev.tidings.worker.internal;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback conversion word {@code %maskedMsg}: the formatted message with secrets masked (see {@link
 * Secrets}). Used by the worker's {@code logback.xml}; it never throws into the logging call.
 */
public final class MaskingMessageConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    String message = super.convert(event);
    try {
      return Secrets.mask(message);
    } catch (RuntimeException e) {
      addError("could not mask a log message; it is dropped", e);
      return "[message dropped: masking failed]";
    }
  }
}
