package dev.tidings.logging.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tidings.logging.LogRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyingTest {
  private static final LogRecord RECORD = new LogRecord("2026-11-05T09:15:02.123Z", LogRecord.Level.INFO, 9, "INFO",
      "orders.Billing", "worker-1", "m", null, null, null, Map.of(), null, List.of(), "trace-1", null,
      new LogRecord.Resource(null, null, Map.of()));

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void eachKeyingPicksItsKey() {
    assertNull(Keying.parse("none").key(RECORD));
    assertNull(Keying.parse("").key(RECORD));
    assertArrayEquals(utf8("orders.Billing"), Keying.parse("logger").key(RECORD));
    assertArrayEquals(utf8("worker-1"), Keying.parse("Thread").key(RECORD));
    assertArrayEquals(utf8("trace-1"), Keying.parse("traceId").key(RECORD));
    assertArrayEquals(utf8("svc:a"), Keying.parse("static:svc:a").key(RECORD));
  }

  @Test
  void rejectsUnknownKeyings() {
    assertThrows(IllegalArgumentException.class, () -> Keying.parse("random"));
    assertThrows(IllegalArgumentException.class, () -> Keying.parse("static:"));
  }
}
