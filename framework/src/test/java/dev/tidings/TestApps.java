package dev.tidings;

import dev.tidings.testkit.TestKafka;
import java.time.Duration;

/** Application options pointed at the test broker with the test's own topic prefix. */
final class TestApps {
  private TestApps() {}

  static ApplicationOptions.Builder options(TestKafka kafka) {
    return ApplicationOptions.builder()
        .kafkaServers(kafka.bootstrapServers())
        .topicPrefix(kafka.topicPrefix())
        .commitInterval(Duration.ofMillis(100))
        .shutdownTimeout(Duration.ofSeconds(10))
        .consumerSetting("metadata.max.age.ms", 1000);
  }
}
