package dev.tidings.worker.internal.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.tidings.RequestHeaders;
import dev.tidings.Router;
import dev.tidings.SchemaDefinition;
import dev.tidings.Subscription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AsyncAPI 3.0 document of an application: its Kafka servers (host and security protocol,
 * never a secret), a channel per declared stream (with a {@code send} operation for the schemas that
 * declare it) and per subscription (with a {@code receive} operation carrying the consumer group,
 * and a {@code send} operation to its dead-letter stream), one message per schema (the envelope
 * {@code {"schema": "id:version", "data": ...}} with the schema's JSON Schema as {@code data}, the
 * Kafka headers Tidings uses, and a generated example). Deterministic: sorted by name.
 *
 * <p>The record schemas go to {@code components.schemas.<id>_<version>} with their {@code $ref}s
 * rewritten to point there, so that every reference resolves inside the document.
 */
public final class AsyncApi {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
  static final String HEADERS = "TidingsHeaders";
  static final String DEAD_LETTER = "DeadLetter";

  /**
   * What the document describes.
   *
   * @param title the application's name
   * @param version the application's version
   * @param servers the bootstrap servers ({@code host:port,...}), or {@code null} for none
   * @param kafkaSettings the client settings (only {@code security.protocol} and {@code
   *     sasl.mechanism} are shown)
   * @param topicPrefix prepended to stream names
   * @param router the schemas and subscriptions
   */
  public record Input(String title, String version, String servers, Map<String, Object> kafkaSettings,
      String topicPrefix, Router router) {}

  private final Input input;
  private final ObjectNode root = JSON.createObjectNode();
  private final ObjectNode channels;
  private final ObjectNode operations;
  private final ObjectNode messages;
  private final ObjectNode schemas;

  private AsyncApi(Input input) {
    this.input = input;
    root.put("asyncapi", "3.0.0");
    ObjectNode info = root.putObject("info");
    info.put("title", input.title());
    info.put("version", input.version());
    info.put("description", "Messages are UTF-8 JSON envelopes {\"schema\": \"<id>:<version>\", \"data\": {...}}"
        + " whose data is validated against the JSON Schema of that id:version; trace, correlation and failure"
        + " details travel in Kafka headers. Topic = '" + input.topicPrefix() + "' + stream.");
    root.put("defaultContentType", "application/json");
    servers();
    channels = root.putObject("channels");
    operations = root.putObject("operations");
    ObjectNode components = root.putObject("components");
    schemas = components.putObject("schemas");
    messages = components.putObject("messages");
  }

  /** The document of {@code input}. */
  public static ObjectNode document(Input input) {
    AsyncApi api = new AsyncApi(input);
    api.build();
    return api.root;
  }

  /** {@code document} as YAML. */
  public static String yaml(JsonNode document) {
    return write(YAML, document);
  }

  /** {@code document} as indented JSON. */
  public static String json(JsonNode document) {
    return write(JSON, document) + "\n";
  }

  private static String write(ObjectMapper mapper, JsonNode document) {
    try {
      return mapper.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the AsyncAPI document could not be written", e);
    }
  }

  private void servers() {
    if (input.servers() == null || input.servers().isBlank()) {
      return;
    }
    ObjectNode servers = root.putObject("servers");
    String protocol = String.valueOf(input.kafkaSettings().getOrDefault("security.protocol", "PLAINTEXT"));
    Object mechanism = input.kafkaSettings().get("sasl.mechanism");
    String[] hosts = input.servers().split(",");
    for (int i = 0; i < hosts.length; i++) {
      ObjectNode server = servers.putObject(hosts.length == 1 ? "kafka" : "kafka-" + (i + 1));
      server.put("host", hosts[i].trim());
      server.put("protocol", protocol.toUpperCase(Locale.ROOT).contains("SSL") ? "kafka-secure" : "kafka");
      server.put("description", "Kafka bootstrap server; security.protocol=" + protocol
          + (mechanism == null ? "" : ", sasl.mechanism=" + mechanism));
    }
  }

  private void build() {
    Map<String, SchemaDefinition<?>> byKey = new TreeMap<>(input.router().schemas());
    byKey.values().forEach(this::message);
    schemas.set(HEADERS, Headers.schema());
    messages.set(DEAD_LETTER, Headers.deadLetterMessage());
    Map<String, List<SchemaDefinition<?>>> byStream = new TreeMap<>();
    for (SchemaDefinition<?> s : byKey.values()) {
      for (String stream : s.streams()) {
        byStream.computeIfAbsent(stream, k -> new ArrayList<>()).add(s);
      }
    }
    byStream.forEach(this::stream);
    List<Subscription> subscriptions = new ArrayList<>(input.router().subscriptions());
    subscriptions.sort((a, b) -> a.group().compareTo(b.group()));
    for (Subscription s : subscriptions) {
      subscription(s, byKey);
    }
  }

  static String messageId(String key) {
    return key.replace(':', '_').replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static String channelId(String prefix, String name) {
    return prefix + name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private void message(SchemaDefinition<?> s) {
    String id = messageId(s.key());
    JsonNode data = Refs.relocate(Refs.parse(s.jsonSchema(), s.key()), "#/components/schemas/" + id);
    schemas.set(id, data);
    ObjectNode message = messages.putObject(id);
    message.put("name", s.key());
    message.put("title", s.id() + " version " + s.version());
    message.put("summary", "Envelope of " + s.key() + " (record " + s.type().getName() + ")"
        + (s.retention().isPresent() ? "; topics created for it keep messages " + s.retention().get() : ""));
    message.put("contentType", "application/json");
    message.putObject("headers").put("$ref", "#/components/schemas/" + HEADERS);
    message.putObject("correlationId").put("location", "$message.header#/" + RequestHeaders.CORRELATION_ID)
        .put("description", "set on requests and copied to their replies");
    ObjectNode payload = message.putObject("payload");
    payload.put("type", "object");
    payload.putArray("required").add("schema").add("data");
    ObjectNode properties = payload.putObject("properties");
    properties.putObject("schema").put("type", "string").put("const", s.key());
    properties.putObject("data").put("$ref", "#/components/schemas/" + id);
    payload.put("additionalProperties", false);
    ObjectNode example = message.putArray("examples").addObject();
    example.put("name", id + "-example");
    example.put("summary", "Generated from the schema");
    ObjectNode value = example.putObject("payload");
    value.put("schema", s.key());
    value.set("data", Examples.of(Refs.parse(s.jsonSchema(), s.key())));
  }

  private void stream(String stream, List<SchemaDefinition<?>> declaring) {
    String channelId = channelId("", stream);
    ObjectNode channel = channels.putObject(channelId);
    channel.put("address", input.topicPrefix() + stream);
    channel.put("description", "Stream " + stream + ", created at start-up; published with "
        + String.join(", ", declaring.stream().map(SchemaDefinition::key).toList()));
    ObjectNode channelMessages = channel.putObject("messages");
    ObjectNode operation = operations.putObject("send-" + channelId);
    operation.put("action", "send");
    operation.putObject("channel").put("$ref", "#/channels/" + channelId);
    operation.put("summary", "Publishes to " + stream);
    ArrayNode refs = operation.putArray("messages");
    for (SchemaDefinition<?> s : declaring) {
      String id = messageId(s.key());
      channelMessages.putObject(id).put("$ref", "#/components/messages/" + id);
      refs.addObject().put("$ref", "#/channels/" + channelId + "/messages/" + id);
    }
  }

  private void subscription(Subscription s, Map<String, SchemaDefinition<?>> byKey) {
    List<String> keys = new ArrayList<>();
    for (SchemaDefinition<?> def : byKey.values()) {
      if (s.handlers().containsKey(def.type()) || s.requestHandlers().containsKey(def.type())
          || def.type().equals(s.batchType())) {
        keys.add(def.key());
      }
    }
    boolean any = s.fallback() != null;
    if (any || keys.isEmpty()) {
      keys = new ArrayList<>(byKey.keySet());
    }
    String target = s.pattern() != null ? s.pattern() : String.join(",", s.streams());
    String channelId = channelId("subscription-", s.group());
    ObjectNode channel = channels.putObject(channelId);
    channel.put("address", s.pattern() != null ? input.topicPrefix() + s.pattern()
        : String.join(",", s.streams().stream().map(x -> input.topicPrefix() + x).toList()));
    channel.put("description", (s.pattern() != null && s.pattern().contains("*")
        ? "Topics matching the glob '" + input.topicPrefix() + s.pattern() + "' ('*' matches any characters, dots"
            + " included)" : "Topics " + channel.get("address").asText()) + ", read by group " + s.group()
        + (any ? "; a raw handler takes any other message too" : ""));
    ObjectNode channelMessages = channel.putObject("messages");
    ObjectNode operation = operations.putObject("receive-" + channelId("", s.group()));
    operation.put("action", "receive");
    operation.putObject("channel").put("$ref", "#/channels/" + channelId);
    operation.put("summary", "Group " + s.group() + " handles " + (keys.isEmpty() ? "any message" : String.join(", ",
        keys)) + " from '" + target + "'");
    operation.put("description", "Delivery: " + s.failurePolicy().name().toLowerCase(Locale.ROOT) + " on failure, at"
        + " most " + s.maxAttempts() + " attempt(s), then the dead-letter stream " + deadLetters(s) + "; concurrency "
        + s.concurrency() + ", ordering " + s.ordering().name().toLowerCase(Locale.ROOT)
        + (s.batchType() != null ? ", batches of up to " + s.batchSize() : "")
        + (s.mode() == dev.tidings.SubscriptionMode.SHARE ? "; a Kafka share group (queue semantics)" : ""));
    if (!s.requestHandlers().isEmpty()) {
      reply(operation, s);
    }
    ObjectNode kafka = operation.putObject("bindings").putObject("kafka");
    kafka.putObject("groupId").put("type", "string").putArray("enum").add(s.group());
    kafka.put("bindingVersion", "0.5.0");
    ArrayNode refs = operation.putArray("messages");
    for (String key : keys) {
      String id = messageId(key);
      channelMessages.putObject(id).put("$ref", "#/components/messages/" + id);
      refs.addObject().put("$ref", "#/channels/" + channelId + "/messages/" + id);
    }
    deadLetterChannel(s);
  }

  /** Request handlers answer on the stream of the request's reply-to header, or the default reply stream. */
  private void reply(ObjectNode operation, Subscription s) {
    ObjectNode reply = operation.putObject("reply");
    ObjectNode address = reply.putObject("address");
    address.put("location", "$message.header#/" + RequestHeaders.REPLY_TO);
    address.put("description", "the stream named by the request's " + RequestHeaders.REPLY_TO + " header (the"
        + " serving application adds its topic prefix)" + (s.replyTo() != null ? ", else " + s.replyTo() : "")
        + "; the reply carries the request's " + RequestHeaders.CORRELATION_ID);
    if (s.replyTo() != null) {
      String channelId = channelId("replies-", s.group());
      ObjectNode channel = channels.putObject(channelId);
      channel.put("address", input.topicPrefix() + s.replyTo());
      channel.put("description", "Default reply stream of group " + s.group() + " (requests without "
          + RequestHeaders.REPLY_TO + ")");
      channel.putObject("messages");
      reply.putObject("channel").put("$ref", "#/channels/" + channelId);
    }
  }

  private static String deadLetters(Subscription s) {
    return s.deadLetterStream() != null ? s.deadLetterStream() : "<stream>.dlt";
  }

  private void deadLetterChannel(Subscription s) {
    String channelId = channelId("dead-letters-", s.group());
    ObjectNode channel = channels.putObject(channelId);
    String address = s.deadLetterStream() != null ? input.topicPrefix() + s.deadLetterStream()
        : s.pattern() != null ? input.topicPrefix() + s.pattern() + ".dlt" : null;
    if (address != null) {
      channel.put("address", address);
    } else {
      channel.putNull("address");
    }
    channel.put("description", "Dead letters of group " + s.group() + ": the original key, value and headers plus"
        + " tidings.dlt.* headers; 'worker dlt replay' republishes them");
    channel.putObject("messages").putObject(DEAD_LETTER).put("$ref", "#/components/messages/" + DEAD_LETTER);
    ObjectNode operation = operations.putObject("dead-letter-" + channelId("", s.group()));
    operation.put("action", "send");
    operation.putObject("channel").put("$ref", "#/channels/" + channelId);
    operation.put("summary", "Group " + s.group() + " sends what it could not handle to " + deadLetters(s));
    operation.putArray("messages").addObject().put("$ref", "#/channels/" + channelId + "/messages/" + DEAD_LETTER);
  }

  /** Helpers for tests and the page: the record schemas by message id. */
  static Map<String, JsonNode> recordSchemas(JsonNode document) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    document.path("components").path("schemas").properties().forEach(e -> {
      if (!e.getKey().equals(HEADERS)) {
        out.put(e.getKey(), e.getValue());
      }
    });
    return out;
  }
}
