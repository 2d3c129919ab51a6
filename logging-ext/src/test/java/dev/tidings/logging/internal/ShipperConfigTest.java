package dev.tidings.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.ApplicationOptions;
import dev.tidings.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShipperConfigTest {
  private static ShipperConfig.Builder builder() {
    return ShipperConfig.builder("test", key -> "<" + key + ">");
  }

  @Test
  void addsBoundedTimeoutsWhereTheUserSaidNothing() {
    ApplicationOptions options = builder().servers("localhost:9092").stream("logs").build().applicationOptions();
    assertEquals("5000", options.producerSettings().get("max.block.ms"));
    assertEquals("30000", options.producerSettings().get("delivery.timeout.ms"));
    assertEquals("10000", options.producerSettings().get("request.timeout.ms"));
    assertTrue(options.producerSettings().get("client.id").toString().startsWith("tidings-logging-"));
    assertEquals("localhost:9092", options.kafkaServers());
  }

  @Test
  void neverOverridesWhatTheUserGave() {
    ShipperConfig config = builder()
        .servers("localhost:9092")
        .stream("logs")
        .kafkaSettings("{\"max.block.ms\": 100, \"client.id\": \"mine\", \"security.protocol\": \"SSL\"}")
        .kafkaSetting("delivery.timeout.ms=4000")
        .build();
    ApplicationOptions options = config.applicationOptions();
    assertFalse(options.producerSettings().containsKey("max.block.ms"));
    assertFalse(options.producerSettings().containsKey("client.id"));
    assertFalse(options.producerSettings().containsKey("delivery.timeout.ms"));
    assertEquals("100", options.kafkaSettings().get("max.block.ms"));
    assertEquals("SSL", options.kafkaSettings().get("security.protocol"));
    assertEquals("4000", options.kafkaSettings().get("delivery.timeout.ms"));
    assertEquals("3995", options.producerSettings().get("request.timeout.ms"),
        "request.timeout.ms fits in the user's delivery.timeout.ms minus linger.ms");
  }

  @Test
  void serversMayComeFromBootstrapServersSetting() {
    assertEquals("h:1", builder().stream("logs").kafkaSetting("bootstrap.servers=h:1").build()
        .applicationOptions().kafkaServers());
  }

  @Test
  void reportsEveryProblemNamingItsKey() {
    List<String> problems = builder()
        .stream("bad stream!")
        .queueSize(0)
        .closeTimeoutMillis(0)
        .keying("random")
        .kafkaSettings("{\"key.serializer\": \"x\", \"delivery.timeout.ms\": 1000, \"request.timeout.ms\": 2000}")
        .field("novalue")
        .problems();
    String all = String.join("\n", problems);
    assertTrue(all.contains("<servers> is not set"), all);
    assertTrue(all.contains("<stream> 'bad stream!' has ' '"), all);
    assertTrue(all.contains("<queueSize> is 0"), all);
    assertTrue(all.contains("<closeTimeoutMillis> is 0"), all);
    assertTrue(all.contains("<keying> 'random' is not a keying"), all);
    assertTrue(all.contains("sets key.serializer"), all);
    assertTrue(all.contains("delivery.timeout.ms=1000, less than linger.ms (5) + request.timeout.ms (2000)"), all);
    assertTrue(all.contains("<field> has 'novalue'"), all);
    assertThrows(ConfigurationException.class, () -> builder().build());
  }

  @Test
  void badServerSyntaxIsAProblemToo() {
    String all = String.join("\n", builder().servers("localhost").stream("logs").problems());
    assertTrue(all.contains("each server must be host:port"), all);
  }

  @Test
  void aTransportOtherThanKafkaNeedsNoServers() {
    ShipperConfig config = builder().stream("logs").transport("{type: memory}").build();
    assertEquals("memory", config.applicationOptions().transportConfig().orElseThrow().type());
    assertEquals("the memory transport", config.target());
    String all = String.join("\n", builder().stream("logs").transport("{type: kafka}").problems());
    assertTrue(all.contains("<servers> is not set"), all);
  }

  @Test
  void transportProblemsNameTheKey() {
    String unknown = String.join("\n", builder().stream("logs").transport("{type: nope}").problems());
    assertTrue(unknown.contains("<transport>: unknown transport type 'nope'"), unknown);
    String missing = String.join("\n", builder().stream("logs").transport("{type: http}").problems());
    assertTrue(missing.contains("<transport>: missing key 'url' in transport"), missing);
    String file = String.join("\n", builder().stream("logs").transport("@/nonexistent/tidings.yaml").problems());
    assertTrue(file.contains("does not exist"), file);
  }
}
