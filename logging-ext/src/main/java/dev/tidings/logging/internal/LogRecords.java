package dev.tidings.logging.internal;

import dev.tidings.logging.LogRecord;
import java.net.InetAddress;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Turns snapshots into {@link LogRecord}s on the background thread: renders the timestamp and the
 * throwable, takes trace and span ids from the MDC, and adds the resource. Used by one thread only.
 */
final class LogRecords {
  private static volatile String hostName;

  private final ShipperConfig config;
  private LogRecord.Resource resource;

  LogRecords(ShipperConfig config) {
    this.config = config;
  }

  LogRecord toRecord(Snapshot s) {
    Map<String, String> mdc = s.mdc();
    return new LogRecord(
        DateTimeFormatter.ISO_INSTANT.format(s.time()),
        s.level(),
        s.severity(),
        s.nativeLevel(),
        s.logger(),
        s.thread(),
        s.message(),
        s.template(),
        s.arguments(),
        s.thrown() == null ? null : s.thrown().get(),
        mdc,
        s.keyValues(),
        s.markers(),
        first(mdc, "traceId", "trace_id"),
        first(mdc, "spanId", "span_id"),
        resource());
  }

  private LogRecord.Resource resource() {
    if (resource == null) {
      resource = new LogRecord.Resource(config.serviceName(), hostName(), config.attributes());
    }
    return resource;
  }

  private static String first(Map<String, String> mdc, String key, String alternative) {
    String v = mdc.get(key);
    return v != null ? v : mdc.get(alternative);
  }

  /**
   * The host name: {@code HOSTNAME} or {@code COMPUTERNAME} from the environment, else the local
   * address's name (a lookup that may be slow, which is why only the background thread asks).
   */
  static String hostName() {
    String h = hostName;
    if (h == null) {
      h = System.getenv("HOSTNAME");
      if (h == null || h.isBlank()) {
        h = System.getenv("COMPUTERNAME");
      }
      if (h == null || h.isBlank()) {
        try {
          h = InetAddress.getLocalHost().getHostName();
        } catch (Exception | LinkageError e) {
          h = "";
        }
      }
      hostName = h;
    }
    return h.isEmpty() ? null : h;
  }
}
