package dev.tidings.internal.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.ApplicationOptions;
import dev.tidings.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {
  private static ApplicationOptions.Builder base() {
    return ApplicationOptions.builder().kafkaServers("h:1");
  }

  @Test
  void userSettingsReachEveryClientAndSpecificOnesWin() {
    ApplicationOptions o = base().kafkaSetting("security.protocol", "SSL").kafkaSetting("client.id", "all")
        .producerSetting("client.id", "p").consumerSetting("max.poll.records", 7).adminSetting("retries", 3).build();
    Map<String, Object> producer = ClientSettings.producer(o);
    Map<String, Object> consumer = ClientSettings.consumer(o, "g");
    Map<String, Object> admin = ClientSettings.admin(o);
    assertEquals("SSL", producer.get("security.protocol"));
    assertEquals("SSL", consumer.get("security.protocol"));
    assertEquals("SSL", admin.get("security.protocol"));
    assertEquals("p", producer.get("client.id"));
    assertEquals("all", consumer.get("client.id"));
    assertEquals(7, consumer.get("max.poll.records"));
    assertEquals(3, admin.get("retries"));
    assertEquals("h:1", admin.get("bootstrap.servers"));
  }

  @Test
  void producerDefaultsAreSafeAndExplicit() {
    Map<String, Object> producer = ClientSettings.producer(base().build());
    assertEquals("all", producer.get("acks"));
    assertEquals(true, producer.get("enable.idempotence"));
    assertEquals(5, producer.get("linger.ms"));
    assertEquals(20, ClientSettings.producer(base().producerSetting("linger.ms", 20).build()).get("linger.ms"));
  }

  @Test
  void consumerDefaultsBoundTheParkedFetchAndCanBeOverridden() {
    assertEquals(100, ClientSettings.consumer(base().build(), "g").get("fetch.max.wait.ms"));
    assertEquals(500, ClientSettings.consumer(base().consumerSetting("fetch.max.wait.ms", 500).build(), "g")
        .get("fetch.max.wait.ms"));
  }

  @Test
  void settingsThatBreakGuaranteesAreRefusedWithTheReason() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> ClientSettings.consumer(base().consumerSetting("enable.auto.commit", "true").build(), "g"));
    assertTrue(e.getMessage().startsWith("enable.auto.commit=true would commit records before"), e.getMessage());
    e = assertThrows(ConfigurationException.class,
        () -> ClientSettings.consumer(base().kafkaSetting("group.id", "x").build(), "g"));
    assertTrue(e.getMessage().contains("group.id=x cannot be changed"), e.getMessage());
    assertThrows(ConfigurationException.class,
        () -> ClientSettings.producer(base().producerSetting("value.serializer", "x").build()));
  }

  @Test
  void consumerDefaults() {
    Map<String, Object> consumer = ClientSettings.consumer(base().build(), "g");
    assertEquals("earliest", consumer.get("auto.offset.reset"));
    assertEquals(false, consumer.get("enable.auto.commit"));
    assertEquals("g", consumer.get("group.id"));
  }
}
