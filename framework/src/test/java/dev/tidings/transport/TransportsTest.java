package dev.tidings.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Looking up transport types: registered names, class names, and the errors. */
class TransportsTest {
  @Test
  void builtInTypesAreRegistered() {
    assertTrue(Transports.knownTypes().containsAll(Set.of("kafka", "http", "file", "console", "memory", "composite")),
        Transports.knownTypes()::toString);
  }

  @Test
  void typesAreCaseInsensitive() {
    try (Transport t = Transports.create(TransportConfig.parse("type: Memory"))) {
      assertInstanceOf(MemoryTransport.class, t);
    }
  }

  @Test
  void unknownTypeListsTheKnownOnes() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> Transports.create(TransportConfig.parse("type: carrier-pigeon")));
    assertEquals("unknown transport type 'carrier-pigeon' in transport (transport configuration); known types:"
        + " composite, console, file, http, kafka, memory, or the fully qualified name of a TransportFactory or"
        + " Transport class", e.getMessage());
  }

  @Test
  void unknownClassNameSaysSo() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> Transports.create(TransportConfig.parse("type: com.example.Nope")));
    assertTrue(e.getMessage().startsWith("unknown transport type 'com.example.Nope' in transport (transport"
        + " configuration): no registered type has this name and no class of this name is on the class path"),
        e.getMessage());
  }

  @Test
  void aClassThatIsNoTransportIsRefused() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> Transports.create(TransportConfig.parse("type: java.lang.String")));
    assertTrue(e.getMessage().contains("is a class that is neither a dev.tidings.transport.TransportFactory nor a"
        + " dev.tidings.transport.Transport"), e.getMessage());
  }

  @Test
  void factoryAndTransportClassesAreLoadedByName() throws Exception {
    try (Transport t = Transports.create(TransportConfig.parse("type: " + EchoFactory.class.getName()
        + "\nprefix: f-"))) {
      assertEquals("f-orders", t.send(OutgoingMessage.of("orders", new byte[0])).toCompletableFuture().get().target());
    }
    try (Transport t = Transports.create(TransportConfig.parse("type: " + Echo.class.getName() + "\nprefix: t-"))) {
      assertEquals("t-orders", t.send(OutgoingMessage.of("orders", new byte[0])).toCompletableFuture().get().target());
    }
    ConfigurationException unknownKey = assertThrows(ConfigurationException.class,
        () -> Transports.create(TransportConfig.parse("type: " + Echo.class.getName() + "\nprefixx: t-")));
    assertEquals("unknown key 'prefixx' in transport (transport configuration); known keys: prefix, type",
        unknownKey.getMessage());
  }

  @Test
  void unknownKeysOfBuiltInsAreRefused() {
    for (String yaml : List.of("type: memory\nnmae: x", "type: file\npath: x\nfsnyc: true",
        "type: console\ntarget: stdout\ncolour: red", "type: kafka\nbootstrap: x")) {
      ConfigurationException e = assertThrows(ConfigurationException.class,
          () -> Transports.create(TransportConfig.parse(yaml)), yaml);
      assertTrue(e.getMessage().startsWith("unknown key '"), e.getMessage());
      assertTrue(e.getMessage().contains("in transport (transport configuration); known keys: "), e.getMessage());
    }
  }

  @Test
  void wrongTypesAndMissingKeysAreOneClearMessage() {
    assertEquals("missing key 'path' in transport (transport configuration): add 'path: <value>' to section"
        + " transport of transport configuration", assertThrows(ConfigurationException.class,
            () -> Transports.create(TransportConfig.parse("type: file"))).getMessage());
    assertEquals("key 'fsync' in transport (transport configuration) is 'often': expected true or false",
        assertThrows(ConfigurationException.class,
            () -> Transports.create(TransportConfig.parse("type: file\npath: x\nfsync: often"))).getMessage());
    assertEquals("key 'target' in transport (transport configuration) is 'printer': use stdout or stderr",
        assertThrows(ConfigurationException.class,
            () -> Transports.create(TransportConfig.parse("type: console\ntarget: printer"))).getMessage());
  }

  /** A custom transport whose class is its type. */
  public static final class Echo implements Transport {
    private final String prefix;

    public Echo(TransportConfig config) {
      config.section().rejectUnknown(Set.of("type", "prefix"));
      this.prefix = config.section().requireString("prefix");
    }

    @Override
    public CompletionStage<Delivery> send(OutgoingMessage message) {
      return CompletableFuture.completedFuture(new Delivery("echo", prefix + message.stream(), -1, 0,
          new String(message.envelope(), StandardCharsets.UTF_8).length()));
    }

    @Override
    public boolean flush(Duration timeout) {
      return true;
    }

    @Override
    public String type() {
      return "echo";
    }

    @Override
    public void close() {}
  }

  /** A custom factory whose class is its type. */
  public static final class EchoFactory implements TransportFactory {
    @Override
    public String type() {
      return "echo";
    }

    @Override
    public Transport create(TransportConfig config) {
      return new Echo(config);
    }
  }
}
