package dev.tidings.internal.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.ApplicationOptions;
import dev.tidings.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShareSettingsTest {
  private static ApplicationOptions.Builder options() {
    return ApplicationOptions.builder().kafkaServers("localhost:9092");
  }

  @Test
  void classicOnlySettingsAreLeftOutAndAcknowledgementIsExplicit() {
    Map<String, Object> config = ShareSettings.consumer(options()
        .consumerSetting("session.timeout.ms", 6000).consumerSetting("auto.offset.reset", "latest")
        .consumerSetting("fetch.min.bytes", 10).build(), "g");
    for (String key : ShareSettings.CLASSIC_ONLY) {
      assertFalse(config.containsKey(key), key);
    }
    assertEquals("explicit", config.get("share.acknowledgement.mode"));
    assertEquals("g", config.get("group.id"));
    assertEquals(10, config.get("fetch.min.bytes"), "other settings pass through");
    assertEquals(ShareSettings.DEFAULT_MAX_POLL_RECORDS, config.get("max.poll.records"));
    assertEquals("record_limit", config.get("share.acquire.mode"));
  }

  @Test
  void userSettingsWinOverTheShareDefaults() {
    Map<String, Object> config = ShareSettings.consumer(options().consumerSetting("max.poll.records", 7)
        .consumerSetting("share.acquire.mode", "batch_optimized").build(), "g");
    assertEquals(7, config.get("max.poll.records"));
    assertEquals("batch_optimized", config.get("share.acquire.mode"));
  }

  @Test
  void implicitAcknowledgementIsRefusedWithTheReason() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> ShareSettings.consumer(
        options().consumerSetting("share.acknowledgement.mode", "implicit").build(), "g"));
    assertTrue(e.getMessage().contains("share.acknowledgement.mode=implicit"), e.getMessage());
  }

  @Test
  void offsetResetFollowsTheConsumerSettingAndDefaultsToEarliest() {
    assertEquals("earliest", ShareSettings.offsetReset(options().build()));
    assertEquals("latest", ShareSettings.offsetReset(options().consumerSetting("auto.offset.reset", "latest").build()));
  }
}
