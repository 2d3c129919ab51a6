package dev.tidings.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.logging.LogRecord;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class JulEventsTest {
  @Test
  void formatsLikeTheJdkFormatter() {
    assertEquals("a 1 b", JulEvents.format("a {0} b", new Object[] {1}));
    assertEquals("no placeholders", JulEvents.format("no placeholders", new Object[] {1}));
    assertEquals("{not a number}", JulEvents.format("{not a number}", new Object[] {1}));
    assertEquals("bad {0", JulEvents.format("bad {0", new Object[] {1}), "an invalid pattern stays as it is");
    assertEquals("x", JulEvents.format("x", null));
  }

  @Test
  void snapshotsEverythingOnTheCallingThread() {
    java.util.logging.LogRecord r = new java.util.logging.LogRecord(Level.SEVERE, "failed {0}");
    r.setLoggerName("orders");
    r.setParameters(new Object[] {new Object() {
      @Override
      public String toString() {
        throw new IllegalStateException("nope");
      }
    }});
    r.setThrown(new IllegalArgumentException("outer", new RuntimeException("inner")));
    Snapshot s = JulEvents.snapshot(r);
    assertEquals(LogRecord.Level.ERROR, s.level());
    assertEquals("SEVERE", s.nativeLevel());
    assertEquals("failed {0}", s.template());
    assertTrue(s.arguments().get(0).contains("toString of"), s.arguments().toString());
    assertEquals(Thread.currentThread().getName(), s.thread());
    LogRecord.Thrown thrown = s.thrown().get();
    assertEquals(List.of(new LogRecord.Cause("java.lang.RuntimeException", "inner")), thrown.causes());
    assertTrue(thrown.stackTrace().startsWith("java.lang.IllegalArgumentException: outer"));
  }

  @Test
  void aNullMessageBecomesEmpty() {
    Snapshot s = JulEvents.snapshot(new java.util.logging.LogRecord(Level.INFO, null));
    assertEquals("", s.message());
    assertNull(s.template());
    assertEquals("", s.logger());
  }

  @Test
  void immutableArgumentsAreFormattedLaterMutableOnesAtOnce() {
    java.util.logging.LogRecord immutable = new java.util.logging.LogRecord(Level.INFO, "order {0} x{1}");
    immutable.setParameters(new Object[] {"o-1", 3});
    Snapshot deferred = JulEvents.snapshot(immutable);
    assertEquals("order o-1 x3", deferred.message());
    assertEquals(List.of("o-1", "3"), deferred.arguments());

    StringBuilder mutable = new StringBuilder("before");
    java.util.logging.LogRecord r = new java.util.logging.LogRecord(Level.INFO, "value {0}");
    r.setParameters(new Object[] {mutable});
    Snapshot s = JulEvents.snapshot(r);
    mutable.replace(0, mutable.length(), "after");
    assertEquals("value before", s.message(), "a mutable argument is captured on the logging thread");
    assertEquals(List.of("before"), s.arguments());
  }
}
