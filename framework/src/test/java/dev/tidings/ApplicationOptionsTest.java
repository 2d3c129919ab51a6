package dev.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApplicationOptionsTest {

  @Test
  void missingServersNamesTheSetting() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> ApplicationOptions.builder().build());
    assertTrue(e.getMessage().startsWith("kafkaServers is not set"), e.getMessage());
  }

  @Test
  void serverWithoutPortIsRefused() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> ApplicationOptions.builder().kafkaServers("localhost:9092,broker2").build());
    assertTrue(e.getMessage().contains("'broker2'") && e.getMessage().contains("host:port"), e.getMessage());
  }

  @Test
  void bootstrapServersFromSettingsAreAccepted() {
    ApplicationOptions o = ApplicationOptions.builder().kafkaSetting("bootstrap.servers", "h:1").build();
    assertEquals("h:1", o.kafkaServers());
  }

  @Test
  void invalidValuesNameTheSettingAndBound() {
    assertTrue(assertThrows(ConfigurationException.class,
        () -> ApplicationOptions.builder().kafkaServers("h:1").partitions(0).build())
        .getMessage().startsWith("partitions is 0"));
    assertTrue(assertThrows(ConfigurationException.class,
        () -> ApplicationOptions.builder().kafkaServers("h:1").commitInterval(Duration.ZERO).build())
        .getMessage().startsWith("commitInterval is PT0S"));
    assertTrue(assertThrows(ConfigurationException.class,
        () -> ApplicationOptions.builder().kafkaServers("h:1").topicPrefix("a/b").build())
        .getMessage().contains("topicPrefix 'a/b'"));
    assertTrue(assertThrows(ConfigurationException.class,
        () -> ApplicationOptions.builder().replicationFactor(0))
        .getMessage().startsWith("replicationFactor is 0"));
  }

  @Test
  void toBuilderKeepsEverything() {
    ApplicationOptions o = ApplicationOptions.builder().kafkaServers("h:1").topicPrefix("p.")
        .kafkaSetting("client.id", "x").partitions(3).replicationFactor(2).commitMode(CommitMode.MANUAL).build();
    ApplicationOptions copy = o.toBuilder().build();
    assertEquals("p.", copy.topicPrefix());
    assertEquals("x", copy.kafkaSettings().get("client.id"));
    assertEquals(3, copy.partitions().orElseThrow());
    assertEquals((short) 2, copy.replicationFactor().orElseThrow());
    assertEquals(CommitMode.MANUAL, copy.commitMode());
  }
}
