package dev.tidings.http.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.testkit.TestKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Test helpers: an application on the test broker, and the exchanges of a result stream as JSON. */
final class Exchanges {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(60);

  private Exchanges() {}

  static Application app(TestKafka kafka) {
    return Application.create(ApplicationOptions.builder()
        .kafkaServers(kafka.bootstrapServers())
        .topicPrefix(kafka.topicPrefix())
        .commitInterval(Duration.ofMillis(200))
        .build());
  }

  /** The {@code data} of the first {@code n} envelopes of {@code stream}. */
  static List<JsonNode> read(TestKafka kafka, String stream, int n) {
    List<JsonNode> out = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(kafka.topic(stream), n, WAIT)) {
      out.add(envelope(r).path("data"));
    }
    return out;
  }

  static JsonNode envelope(ConsumerRecord<byte[], byte[]> r) {
    try {
      return JSON.readTree(r.value());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(ConsumerRecord<byte[], byte[]> r) {
    StringBuilder all = new StringBuilder(new String(r.value(), StandardCharsets.UTF_8));
    r.headers().forEach(h -> all.append(' ').append(h.key()).append('=')
        .append(new String(h.value(), StandardCharsets.UTF_8)));
    return all.toString();
  }
}
