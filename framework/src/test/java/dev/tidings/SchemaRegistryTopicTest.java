package dev.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.Fixtures.Content;
import dev.tidings.Fixtures.Foo;
import dev.tidings.Fixtures.Other;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registry topic on the testkit's real broker. */
@ExtendWith(KafkaExtension.class)
class SchemaRegistryTopicTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String CONTENT = "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"},"
      + "\"size\":{\"type\":\"integer\"}},\"required\":[\"text\",\"size\"]}";
  private static final String CONTENT_REORDERED = "{ \"required\": [\"text\", \"size\"], \"type\": \"object\","
      + " \"properties\": {\"size\": {\"type\": \"integer\"}, \"text\": {\"type\": \"string\"}}}";
  private static final String CONTENT_CHANGED = CONTENT.replace("\"size\":{\"type\":\"integer\"}",
      "\"size\":{\"type\":\"integer\",\"minimum\":0}");
  private static final String OTHER = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}";

  private static ApplicationOptions options(TestKafka kafka) {
    return ApplicationOptions.builder().kafkaServers(kafka.bootstrapServers()).topicPrefix(kafka.topicPrefix()).build();
  }

  private static List<SchemaDefinition<?>> schemas(SchemaDefinition<?>... definitions) {
    return List.of(definitions);
  }

  @Test
  void twoApplicationsThatAgreeShareTheRegistryAndIdenticalReRegistrationIsANoOp(TestKafka kafka) throws Exception {
    String topic = SchemaRegistryTopic.topicFor(kafka.topicPrefix());
    List<String> progress = new ArrayList<>();
    try (SchemaRegistryTopic registry = SchemaRegistryTopic.open(options(kafka), topic)) {
      SchemaRegistryTopic.Result first = registry.register(schemas(SchemaDefinition.of(Content.class, "Content", 1,
          CONTENT), SchemaDefinition.of(Other.class, "Other", 1, OTHER)), "billing", TIMEOUT, progress::add);
      assertEquals(List.of("Content:1", "Other:1"), first.registered());
      assertEquals(List.of(), first.unchanged());
    }
    assertEquals(List.of("Schema registry " + topic + ": 0 schema(s) registered (0 records read)"), progress);
    try (SchemaRegistryTopic registry = SchemaRegistryTopic.open(options(kafka), topic)) {
      SchemaRegistryTopic.Result second = registry.register(schemas(SchemaDefinition.of(Content.class, "Content", 1,
          CONTENT_REORDERED), SchemaDefinition.of(Foo.class, "Foo", 1, OTHER)), "shipping", TIMEOUT, l -> { });
      assertEquals(List.of("Foo:1"), second.registered());
      assertEquals(List.of("Content:1"), second.unchanged());
    }
    try (SchemaRegistryTopic registry = SchemaRegistryTopic.open(options(kafka), topic)) {
      Map<String, RegisteredSchema> all = registry.load(TIMEOUT, l -> { });
      assertEquals(List.of("Content:1", "Foo:1", "Other:1"), new ArrayList<>(new java.util.TreeSet<>(all.keySet())),
          "load() returns an unordered map (Map.copyOf): compare the keys sorted");
      assertEquals("billing", all.get("Content:1").application(), "the first registration stays");
      assertEquals("shipping", all.get("Foo:1").application());
    }
    // three records, one per key: the re-registration of Content:1 wrote nothing
    List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(topic, 3, TIMEOUT);
    assertEquals(3, records.size());
  }

  @Test
  void recordsAreKeyedByIdVersionWithCanonicalValuesInACompactedTopic(TestKafka kafka) throws Exception {
    String topic = SchemaRegistryTopic.topicFor(kafka.topicPrefix());
    try (SchemaRegistryTopic registry = SchemaRegistryTopic.open(options(kafka), topic)) {
      registry.register(schemas(SchemaDefinition.of(Content.class, "Content", 1, CONTENT_REORDERED)), "billing",
          TIMEOUT, l -> { });
    }
    ConsumerRecord<byte[], byte[]> record = kafka.readAll(topic, 1, TIMEOUT).get(0);
    assertEquals("Content:1", new String(record.key(), StandardCharsets.UTF_8));
    JsonNode value = new ObjectMapper().readTree(record.value());
    assertEquals(List.of("application", "registeredAt", "schema"), names(value));
    assertEquals("billing", value.get("application").asText());
    assertEquals(SchemaDocuments.canonical(CONTENT), value.get("schema").toString());
    assertTrue(value.get("registeredAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), value.toString());
    try (Admin admin = Admin.create(kafka.adminConfig())) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      String policy = admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value();
      assertEquals("compact", policy);
      assertEquals(1, admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size());
    }
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void aDifferingSchemaUnderTheSameKeyIsRefusedWithThePointerAndTheNextVersion(TestKafka kafka) {
    String topic = SchemaRegistryTopic.topicFor(kafka.topicPrefix());
    try (SchemaRegistryTopic registry = SchemaRegistryTopic.open(options(kafka), topic)) {
      registry.register(schemas(SchemaDefinition.of(Content.class, "Content", 1, CONTENT),
          SchemaDefinition.of(Other.class, "Content", 2, CONTENT)), "billing", TIMEOUT, l -> { });
    }
    try (SchemaRegistryTopic registry = SchemaRegistryTopic.open(options(kafka), topic)) {
      SchemaConflictException e = assertThrows(SchemaConflictException.class, () -> registry.register(
          schemas(SchemaDefinition.of(Content.class, "Content", 1, CONTENT_CHANGED),
              SchemaDefinition.of(Foo.class, "Foo", 1, OTHER)), "shipping", TIMEOUT, l -> { }));
      assertEquals("Content:1", e.key());
      assertEquals("/properties/size/minimum", e.pointer());
      assertEquals("Content:3", e.suggestedKey());
      assertTrue(e.getMessage().startsWith("schema Content:1 (" + Content.class.getName() + ") differs from the one"
          + " registered in topic '" + topic + "' by billing at "), e.getMessage());
      assertTrue(e.getMessage().endsWith(": first difference at /properties/size/minimum (registered: absent, here: 0)."
          + " A registered schema never changes: bump the version to Content:3 (@Schema(version = 3))"), e.getMessage());
      assertEquals(Optional.empty(), registry.jsonSchema("Foo:1"), "nothing was written on a conflict");
    }
    try (SchemaRegistryTopic registry = SchemaRegistryTopic.open(options(kafka), topic)) {
      assertEquals(List.of("Content:1", "Content:2"), new ArrayList<>(registry.load(TIMEOUT, l -> { }).keySet()));
    }
  }

  @Test
  void aConsumerWithoutTheSchemaInCodeResolvesItFromTheRegistry(TestKafka kafka) {
    String topic = SchemaRegistryTopic.topicFor(kafka.topicPrefix());
    try (SchemaRegistryTopic registry = SchemaRegistryTopic.open(options(kafka), topic)) {
      registry.register(schemas(SchemaDefinition.of(Content.class, "Content", 1, CONTENT)), "billing", TIMEOUT,
          l -> { });
    }
    try (SchemaRegistryTopic registry = SchemaRegistryTopic.open(options(kafka), topic)) {
      assertEquals(Optional.empty(), registry.jsonSchema("Content:1"), "nothing is known before load");
      registry.load(TIMEOUT, l -> { });
      SchemaSource source = SchemaSource.of(Map.of("Other:1", OTHER)).orElse(registry);
      assertEquals(Optional.of(SchemaDocuments.canonical(CONTENT)), source.jsonSchema("Content:1"));
      assertEquals(Optional.of(OTHER), source.jsonSchema("Other:1"));
      assertEquals(Optional.empty(), source.jsonSchema("Content:9"));
    }
  }

  @Test
  void anUnreachableRegistryFailsWithinTheBoundedTimeNamingTopicAndServers() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ApplicationOptions options = ApplicationOptions.builder().kafkaServers("127.0.0.1:" + port).build();
    long start = System.nanoTime();
    try (SchemaRegistryTopic registry = SchemaRegistryTopic.open(options, "_tidings_schemas")) {
      TidingsException e = assertThrows(TidingsException.class, () -> registry.load(Duration.ofSeconds(2), l -> { }));
      assertTrue(e.getMessage().startsWith("the schema registry topic '_tidings_schemas' could not be read from 127.0.0.1:"
          + port + " within 2000 ms"), e.getMessage());
    }
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    assertTrue(millis < 10_000, "took " + millis + " ms");
  }
}
