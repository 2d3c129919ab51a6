package dev.tidings.internal.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.GlobalOpenTelemetry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The facade without the OpenTelemetry API, and with the API but no SDK registered. */
class TracingTest {
  private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @BeforeAll
  static void noGlobalOpenTelemetry() {
    GlobalOpenTelemetry.resetForTest();
  }

  /** Loads the tracing package afresh and hides every OpenTelemetry class, as on an application's class path. */
  static final class WithoutOpenTelemetry extends ClassLoader {
    final List<String> refused = new ArrayList<>();

    WithoutOpenTelemetry() {
      super(TracingTest.class.getClassLoader());
    }

    @Override
    protected synchronized Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("io.opentelemetry.")) {
        refused.add(name);
        throw new ClassNotFoundException(name);
      }
      if (!name.startsWith("dev.tidings.internal.tracing.")) {
        return super.loadClass(name, resolve);
      }
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
          byte[] bytes = in.readAllBytes();
          loaded = defineClass(name, bytes, 0, bytes.length);
        } catch (IOException | NullPointerException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
      return loaded;
    }
  }

  @Test
  void withoutTheApiOnTheClassPathNoSpanIsMadeAndNothingFails() throws Exception {
    WithoutOpenTelemetry loader = new WithoutOpenTelemetry();
    Class<?> tracing = Class.forName(Tracing.class.getName(), true, loader);
    assertSame(loader, tracing.getClassLoader());
    Object instance = tracing.getMethod("get").invoke(null);
    assertEquals(false, tracing.getMethod("enabled").invoke(instance));
    assertSame(tracing.getField("NOOP").get(null), instance);
    Class<?> kind = Class.forName(SpanKind.class.getName(), true, loader);
    Object starter = tracing.getMethod("span", String.class, kind).invoke(instance, "send t",
        kind.getEnumConstants()[3]);
    Object span = Class.forName(SpanStarter.class.getName(), true, loader).getMethod("start").invoke(starter);
    assertEquals(false, Class.forName(TraceSpan.class.getName(), true, loader).getMethod("hasContext").invoke(span));
    assertTrue(loader.refused.contains("io.opentelemetry.api.GlobalOpenTelemetry"), loader.refused::toString);
  }

  @Test
  void theNoopFacadeLeavesHeadersAsTheyAre() {
    List<Header> headers = List.of(new RecordHeader("traceparent", TRACEPARENT.getBytes(StandardCharsets.UTF_8)));
    MessagingSpans.Outgoing out = MessagingSpans.send(Tracing.NOOP, MessagingSpans.SEND, "t", null, headers,
        Map.of());
    assertSame(headers, out.headers());
    assertSame(TraceSpan.NONE, out.span());
    assertSame(TraceSpan.NONE, Tracing.NOOP.current());
  }

  @Test
  void withTheApiButNoSdkAnIncomingTraceparentTravelsUnchanged() {
    assertTrue(Tracing.get().enabled());
    List<Header> headers = List.of(new RecordHeader("traceparent", TRACEPARENT.getBytes(StandardCharsets.UTF_8)),
        new RecordHeader("other", "x".getBytes(StandardCharsets.UTF_8)));
    MessagingSpans.Outgoing out = MessagingSpans.send(Tracing.get(), MessagingSpans.SEND, "t", null, headers,
        Map.of());
    List<String> values = new ArrayList<>();
    out.headers().forEach(h -> values.add(h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8)));
    assertEquals(List.of("other=x", "traceparent=" + TRACEPARENT), values);
    out.span().end();

    MessagingSpans.Outgoing none = MessagingSpans.send(Tracing.get(), MessagingSpans.SEND, "t", null, List.of(),
        Map.of());
    assertFalse(none.span().hasContext(), "no SDK, no parent: no context to write");
    assertFalse(none.headers().iterator().hasNext());
    assertNull(MessagingSpans.carrier(List.of()).apply("traceparent"));
  }
}
