package dev.tidings.worker.internal;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Logback conversion word {@code %maskedEx}: the stack trace of a logged exception with secrets
 * masked in its messages (see {@link Secrets}). Used by the worker's {@code logback.xml}.
 */
public final class MaskingThrowableConverter extends ThrowableProxyConverter {
  @Override
  protected String throwableProxyToString(IThrowableProxy proxy) {
    String trace = super.throwableProxyToString(proxy);
    try {
      return Secrets.mask(trace);
    } catch (RuntimeException e) {
      addError("could not mask a stack trace; it is dropped", e);
      return "[stack trace dropped: masking failed]" + System.lineSeparator();
    }
  }
}
