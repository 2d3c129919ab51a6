package dev.tidings.examples;

import dev.tidings.ApplicationOptions;
import dev.tidings.testkit.TestKafka;
import java.time.Duration;

/** Options for an application on the test broker, with the test's own topic prefix. */
final class Apps {
  static final Duration WAIT = Duration.ofSeconds(60);

  private Apps() {}

  static ApplicationOptions options(TestKafka kafka) {
    return ApplicationOptions.builder()
        .kafkaServers(kafka.bootstrapServers())
        .topicPrefix(kafka.topicPrefix())
        .commitInterval(Duration.ofMillis(200))
        .shutdownTimeout(Duration.ofSeconds(10))
        .consumerSetting("metadata.max.age.ms", 1000)
        .build();
  }
}
