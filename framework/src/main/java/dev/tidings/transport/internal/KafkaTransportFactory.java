package dev.tidings.transport.internal;

import dev.tidings.ApplicationOptions;
import dev.tidings.config.ConfigSection;
import dev.tidings.internal.kafka.Publisher;
import dev.tidings.internal.kafka.TopicAdmin;
import dev.tidings.transport.Transport;
import dev.tidings.transport.TransportConfig;
import dev.tidings.transport.TransportFactory;
import java.util.Set;

/**
 * {@code type: kafka}, keys {@code bootstrapServers}, {@code topicPrefix} and {@code settings} (Kafka
 * client settings, passed untouched). Without them an application's transport uses the
 * application's own producer and options; with them it gets a producer of its own, starting from
 * the application's options where there is one.
 */
public final class KafkaTransportFactory implements TransportFactory {
  static final Set<String> KEYS = Set.of("type", "bootstrapServers", "topicPrefix", "settings");

  @Override
  public String type() {
    return "kafka";
  }

  @Override
  public Transport create(TransportConfig config) {
    ConfigSection s = config.section();
    s.rejectUnknown(KEYS);
    boolean ownSettings = s.keys().stream().anyMatch(k -> !k.equals("type"));
    if (!ownSettings && config.shared(Publisher.class).isPresent() && config.application().isPresent()) {
      return new KafkaTransport(config.shared(Publisher.class).get(), null, false,
          config.application().get().topicPrefix());
    }
    ApplicationOptions.Builder builder = config.application().map(ApplicationOptions::toBuilder)
        .orElseGet(ApplicationOptions::builder);
    if (config.application().isEmpty() || s.string("bootstrapServers").isPresent()) {
      builder.kafkaServers(s.requireString("bootstrapServers"));
    }
    s.string("topicPrefix").ifPresent(builder::topicPrefix);
    builder.kafkaSettings(s.stringMap("settings"));
    ApplicationOptions options = builder.build();
    TopicAdmin topics = new TopicAdmin(options);
    return new KafkaTransport(new Publisher(options, topics), topics, true, options.topicPrefix());
  }
}
