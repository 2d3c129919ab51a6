package dev.tidings.internal.asyncapi;

import dev.tidings.RequestHeaders;
import dev.tidings.internal.asyncapi.AsyncApiInput.SchemaEntry;
import dev.tidings.internal.asyncapi.AsyncApiInput.SubscriptionEntry;
import java.util.ArrayList;
import java.util.Comparator;
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
 * rewritten to point there, so that every reference resolves inside the document. The document is
 * a plain tree ({@link java.util.LinkedHashMap}s, lists, strings, numbers, booleans, {@code null});
 * {@link Yaml#write} writes it.
 */
public final class AsyncApiDocument {
  /** The schema of the headers every message may carry, in {@code components.schemas}. */
  public static final String HEADERS = "TidingsHeaders";
  /** The message of dead-letter streams, in {@code components.messages}. */
  public static final String DEAD_LETTER = "DeadLetter";

  private final AsyncApiInput input;
  private final Map<String, Object> root = Tree.object();
  private final Map<String, Object> channels;
  private final Map<String, Object> operations;
  private final Map<String, Object> messages;
  private final Map<String, Object> schemas;

  private AsyncApiDocument(AsyncApiInput input) {
    this.input = input;
    root.put("asyncapi", "3.0.0");
    Map<String, Object> info = Tree.object(root, "info");
    info.put("title", input.title());
    info.put("version", input.version());
    info.put("description", "Messages are UTF-8 JSON envelopes {\"schema\": \"<id>:<version>\", \"data\": {...}}"
        + " whose data is validated against the JSON Schema of that id:version; trace, correlation and failure"
        + " details travel in Kafka headers. Topic = '" + input.topicPrefix() + "' + stream.");
    root.put("defaultContentType", "application/json");
    servers();
    channels = Tree.object(root, "channels");
    operations = Tree.object(root, "operations");
    Map<String, Object> components = Tree.object(root, "components");
    schemas = Tree.object(components, "schemas");
    messages = Tree.object(components, "messages");
  }

  /** The document of {@code input}. */
  public static Map<String, Object> build(AsyncApiInput input) {
    AsyncApiDocument document = new AsyncApiDocument(input);
    document.build();
    return document.root;
  }

  /** The id of the message of {@code key} ({@code Order:2} → {@code Order_2}). */
  public static String messageId(String key) {
    return key.replace(':', '_').replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static String channelId(String prefix, String name) {
    return prefix + name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private void servers() {
    if (input.servers() == null || input.servers().isBlank()) {
      return;
    }
    Map<String, Object> servers = Tree.object(root, "servers");
    String protocol = input.securityProtocol() == null ? "PLAINTEXT" : input.securityProtocol();
    String[] hosts = input.servers().split(",");
    for (int i = 0; i < hosts.length; i++) {
      Map<String, Object> server = Tree.object(servers, hosts.length == 1 ? "kafka" : "kafka-" + (i + 1));
      server.put("host", hosts[i].trim());
      server.put("protocol", protocol.toUpperCase(Locale.ROOT).contains("SSL") ? "kafka-secure" : "kafka");
      server.put("description", "Kafka bootstrap server; security.protocol=" + protocol
          + (input.saslMechanism() == null ? "" : ", sasl.mechanism=" + input.saslMechanism()));
    }
  }

  private void build() {
    Map<String, SchemaEntry> byKey = new TreeMap<>();
    for (SchemaEntry s : input.schemas()) {
      byKey.put(s.key(), s);
    }
    byKey.values().forEach(this::message);
    schemas.put(HEADERS, Headers.schema());
    messages.put(DEAD_LETTER, Headers.deadLetterMessage());
    Map<String, List<SchemaEntry>> byStream = new TreeMap<>();
    for (SchemaEntry s : byKey.values()) {
      for (String stream : s.streams()) {
        byStream.computeIfAbsent(stream, k -> new ArrayList<>()).add(s);
      }
    }
    byStream.forEach(this::stream);
    List<SubscriptionEntry> subscriptions = new ArrayList<>(input.subscriptions());
    subscriptions.sort(Comparator.comparing(SubscriptionEntry::group));
    for (SubscriptionEntry s : subscriptions) {
      subscription(s, byKey);
    }
  }

  private void message(SchemaEntry s) {
    String id = messageId(s.key());
    Object parsed = Refs.parse(s.jsonSchema(), s.key());
    schemas.put(id, Refs.relocate(parsed, "#/components/schemas/" + id));
    Map<String, Object> message = Tree.object(messages, id);
    message.put("name", s.key());
    message.put("title", s.id() + " version " + s.version());
    message.put("summary", "Envelope of " + s.key() + " (record " + s.recordClass() + ")"
        + (s.retention() != null ? "; topics created for it keep messages " + s.retention() : ""));
    message.put("contentType", "application/json");
    Tree.object(message, "headers").put("$ref", "#/components/schemas/" + HEADERS);
    Map<String, Object> correlation = Tree.object(message, "correlationId");
    correlation.put("location", "$message.header#/" + RequestHeaders.CORRELATION_ID);
    correlation.put("description", "set on requests and copied to their replies");
    Map<String, Object> payload = Tree.object(message, "payload");
    payload.put("type", "object");
    payload.put("required", new ArrayList<Object>(List.of("schema", "data")));
    Map<String, Object> properties = Tree.object(payload, "properties");
    Map<String, Object> schema = Tree.object(properties, "schema");
    schema.put("type", "string");
    schema.put("const", s.key());
    Tree.object(properties, "data").put("$ref", "#/components/schemas/" + id);
    payload.put("additionalProperties", false);
    Map<String, Object> example = Tree.object(Tree.array(message, "examples"));
    example.put("name", id + "-example");
    example.put("summary", "Generated from the schema");
    Map<String, Object> value = Tree.object(example, "payload");
    value.put("schema", s.key());
    value.put("data", Examples.of(parsed));
  }

  private void stream(String stream, List<SchemaEntry> declaring) {
    String channelId = channelId("", stream);
    Map<String, Object> channel = Tree.object(channels, channelId);
    channel.put("address", input.topicPrefix() + stream);
    channel.put("description", "Stream " + stream + ", created at start-up; published with "
        + String.join(", ", declaring.stream().map(SchemaEntry::key).toList()));
    Map<String, Object> channelMessages = Tree.object(channel, "messages");
    Map<String, Object> operation = Tree.object(operations, "send-" + channelId);
    operation.put("action", "send");
    Tree.object(operation, "channel").put("$ref", "#/channels/" + channelId);
    operation.put("summary", "Publishes to " + stream);
    List<Object> refs = Tree.array(operation, "messages");
    for (SchemaEntry s : declaring) {
      String id = messageId(s.key());
      Tree.object(channelMessages, id).put("$ref", "#/components/messages/" + id);
      Tree.object(refs).put("$ref", "#/channels/" + channelId + "/messages/" + id);
    }
  }

  private void subscription(SubscriptionEntry s, Map<String, SchemaEntry> byKey) {
    List<String> keys = new ArrayList<>();
    for (String key : byKey.keySet()) {
      if (s.handled().contains(key)) {
        keys.add(key);
      }
    }
    boolean any = s.raw();
    if (any || keys.isEmpty()) {
      keys = new ArrayList<>(byKey.keySet());
    }
    String target = s.pattern() != null ? s.pattern() : String.join(",", s.streams());
    String channelId = channelId("subscription-", s.group());
    Map<String, Object> channel = Tree.object(channels, channelId);
    String address = s.pattern() != null ? input.topicPrefix() + s.pattern()
        : String.join(",", s.streams().stream().map(x -> input.topicPrefix() + x).toList());
    channel.put("address", address);
    channel.put("description", (s.pattern() != null && s.pattern().contains("*")
        ? "Topics matching the glob '" + input.topicPrefix() + s.pattern() + "' ('*' matches any characters, dots"
            + " included)" : "Topics " + address) + ", read by group " + s.group()
        + (any ? "; a raw handler takes any other message too" : ""));
    Map<String, Object> channelMessages = Tree.object(channel, "messages");
    Map<String, Object> operation = Tree.object(operations, "receive-" + channelId("", s.group()));
    operation.put("action", "receive");
    Tree.object(operation, "channel").put("$ref", "#/channels/" + channelId);
    operation.put("summary", "Group " + s.group() + " handles " + (keys.isEmpty() ? "any message" : String.join(", ",
        keys)) + " from '" + target + "'");
    operation.put("description", "Delivery: " + s.failurePolicy().toLowerCase(Locale.ROOT) + " on failure, at"
        + " most " + s.maxAttempts() + " attempt(s), then the dead-letter stream " + deadLetters(s) + "; concurrency "
        + s.concurrency() + ", ordering " + s.ordering().toLowerCase(Locale.ROOT)
        + (s.batchSize() != null ? ", batches of up to " + s.batchSize() : "")
        + (s.share() ? "; a Kafka share group (queue semantics)" : ""));
    if (s.requests()) {
      reply(operation, s);
    }
    Map<String, Object> kafka = Tree.object(Tree.object(operation, "bindings"), "kafka");
    Map<String, Object> groupId = Tree.object(kafka, "groupId");
    groupId.put("type", "string");
    Tree.array(groupId, "enum").add(s.group());
    kafka.put("bindingVersion", "0.5.0");
    List<Object> refs = Tree.array(operation, "messages");
    for (String key : keys) {
      String id = messageId(key);
      Tree.object(channelMessages, id).put("$ref", "#/components/messages/" + id);
      Tree.object(refs).put("$ref", "#/channels/" + channelId + "/messages/" + id);
    }
    deadLetterChannel(s);
  }

  /** Request handlers answer on the stream of the request's reply-to header, or the default reply stream. */
  private void reply(Map<String, Object> operation, SubscriptionEntry s) {
    Map<String, Object> reply = Tree.object(operation, "reply");
    Map<String, Object> address = Tree.object(reply, "address");
    address.put("location", "$message.header#/" + RequestHeaders.REPLY_TO);
    address.put("description", "the stream named by the request's " + RequestHeaders.REPLY_TO + " header (the"
        + " serving application adds its topic prefix)" + (s.replyTo() != null ? ", else " + s.replyTo() : "")
        + "; the reply carries the request's " + RequestHeaders.CORRELATION_ID);
    if (s.replyTo() != null) {
      String channelId = channelId("replies-", s.group());
      Map<String, Object> channel = Tree.object(channels, channelId);
      channel.put("address", input.topicPrefix() + s.replyTo());
      channel.put("description", "Default reply stream of group " + s.group() + " (requests without "
          + RequestHeaders.REPLY_TO + ")");
      Tree.object(channel, "messages");
      Tree.object(reply, "channel").put("$ref", "#/channels/" + channelId);
    }
  }

  private static String deadLetters(SubscriptionEntry s) {
    return s.deadLetterStream() != null ? s.deadLetterStream() : "<stream>.dlt";
  }

  private void deadLetterChannel(SubscriptionEntry s) {
    String channelId = channelId("dead-letters-", s.group());
    Map<String, Object> channel = Tree.object(channels, channelId);
    String address = s.deadLetterStream() != null ? input.topicPrefix() + s.deadLetterStream()
        : s.pattern() != null ? input.topicPrefix() + s.pattern() + ".dlt" : null;
    channel.put("address", address);
    channel.put("description", "Dead letters of group " + s.group() + ": the original key, value and headers plus"
        + " tidings.dlt.* headers; 'worker dlt replay' republishes them");
    Tree.object(Tree.object(channel, "messages"), DEAD_LETTER).put("$ref", "#/components/messages/" + DEAD_LETTER);
    Map<String, Object> operation = Tree.object(operations, "dead-letter-" + channelId("", s.group()));
    operation.put("action", "send");
    Tree.object(operation, "channel").put("$ref", "#/channels/" + channelId);
    operation.put("summary", "Group " + s.group() + " sends what it could not handle to " + deadLetters(s));
    Tree.object(Tree.array(operation, "messages")).put("$ref", "#/channels/" + channelId + "/messages/"
        + DEAD_LETTER);
  }
}
