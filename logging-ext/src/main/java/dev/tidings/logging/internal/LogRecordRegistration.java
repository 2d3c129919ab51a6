package dev.tidings.logging.internal;

import dev.tidings.Registration;
import dev.tidings.Router;
import dev.tidings.logging.LogRecord;

/**
 * Registers the {@code LogRecord:1} schema with routers built by {@code Router.discover()}, so that
 * applications that read the log stream can bind its records. Listed in {@code
 * META-INF/services/dev.tidings.Registration}.
 */
public final class LogRecordRegistration implements Registration {
  /** Called by {@link java.util.ServiceLoader}. */
  public LogRecordRegistration() {}

  @Override
  public void register(Router router) {
    router.schema(LogRecord.schema());
  }
}
