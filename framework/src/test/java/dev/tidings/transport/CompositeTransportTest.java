package dev.tidings.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.ConfigurationException;
import dev.tidings.PublishException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Fanout and failover over memory transports. */
class CompositeTransportTest {
  private static final OutgoingMessage M = OutgoingMessage.of("orders",
      "{\"schema\":\"Foo:1\",\"data\":{}}".getBytes(StandardCharsets.UTF_8));

  private static Transport composite(String mode, String extra, String a, String b) {
    return Transports.create(TransportConfig.parse("type: composite\nmode: " + mode + "\n" + extra
        + "transports:\n  - {type: memory, name: " + a + "}\n  - {type: memory, name: " + b + "}\n"));
  }

  @Test
  void fanoutConfirmsWhenAllHave() throws Exception {
    MemoryTransport a = MemoryTransport.named("fan-a");
    MemoryTransport b = MemoryTransport.named("fan-b");
    try (Transport t = composite("fanout", "", "fan-a", "fan-b")) {
      assertEquals("memory", t.send(M).toCompletableFuture().get().transport());
      assertEquals(1, a.sent().size());
      assertEquals(1, b.sent().size());
      b.failWith(m -> new PublishException("b is down", true, null));
      ExecutionException e = assertThrows(ExecutionException.class, () -> t.send(M).toCompletableFuture().get());
      PublishException p = assertInstanceOf(PublishException.class, e.getCause());
      assertTrue(p.getMessage().startsWith("fanout: 1 of 2 transport(s) failed for stream orders: [b is down]"),
          p.getMessage());
      assertTrue(p.isRetriable());
      assertEquals(2, a.sent().size(), "a got it anyway");
    } finally {
      a.clear();
      b.clear();
    }
  }

  @Test
  void fanoutContinueOnFailureNeedsOne() throws Exception {
    MemoryTransport a = MemoryTransport.named("cont-a");
    MemoryTransport b = MemoryTransport.named("cont-b");
    try (Transport t = composite("fanout", "continueOnFailure: true\n", "cont-a", "cont-b")) {
      a.failWith(m -> new PublishException("a is down", false, null));
      t.send(M).toCompletableFuture().get();
      assertEquals(1, b.sent().size());
      b.failWith(m -> new PublishException("b is down", false, null));
      ExecutionException e = assertThrows(ExecutionException.class, () -> t.send(M).toCompletableFuture().get());
      assertTrue(!((PublishException) e.getCause()).isRetriable(), "both final");
    } finally {
      a.clear();
      b.clear();
    }
  }

  @Test
  void failoverTakesTheFirstThatConfirms() throws Exception {
    MemoryTransport a = MemoryTransport.named("fo-a");
    MemoryTransport b = MemoryTransport.named("fo-b");
    try (Transport t = composite("failover", "", "fo-a", "fo-b")) {
      t.send(M).toCompletableFuture().get();
      assertEquals(1, a.sent().size());
      assertEquals(0, b.sent().size());
      a.failWith(m -> new PublishException("a is down", true, null));
      t.send(M).toCompletableFuture().get();
      assertEquals(1, b.sent().size());
      b.failWith(m -> new PublishException("b is down", true, null));
      ExecutionException e = assertThrows(ExecutionException.class, () -> t.send(M).toCompletableFuture().get());
      assertEquals("failover: all 2 transport(s) failed for stream orders: [a is down] [b is down]",
          e.getCause().getMessage());
      assertEquals(1, e.getCause().getSuppressed().length);
    } finally {
      a.clear();
      b.clear();
    }
  }

  @Test
  void configurationErrors() {
    assertEquals("key 'mode' in transport (transport configuration) is 'random': use fanout (every transport) or"
        + " failover (the first that confirms)", assertThrows(ConfigurationException.class,
            () -> Transports.create(TransportConfig.parse("type: composite\nmode: random\ntransports: [{type: memory}]")))
            .getMessage());
    assertTrue(assertThrows(ConfigurationException.class,
        () -> Transports.create(TransportConfig.parse("type: composite\nmode: fanout"))).getMessage()
        .startsWith("missing key 'transports' in transport (transport configuration)"));
    assertEquals("unknown transport type 'nope' in transport.transports[1] (transport configuration); known types:"
        + " composite, console, file, http, kafka, memory, or the fully qualified name of a TransportFactory or"
        + " Transport class", assertThrows(ConfigurationException.class, () -> Transports.create(TransportConfig.parse(
            "type: composite\nmode: failover\ntransports: [{type: memory}, {type: nope}]"))).getMessage());
  }
}
