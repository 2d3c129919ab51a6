package dev.tidings.worker.internal.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidings.Router;
import dev.tidings.SchemaDefinition;
import dev.tidings.Subscription;
import dev.tidings.SubscriptionMode;
import dev.tidings.internal.asyncapi.AsyncApiDocument;
import dev.tidings.internal.asyncapi.AsyncApiInput;
import dev.tidings.internal.asyncapi.Yaml;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The AsyncAPI 3.0 document of a running application, as {@code worker asyncapi}, {@code
 * /asyncapi.yaml} and {@code /docs} show it: the framework's {@link AsyncApiDocument} (which the
 * annotation processor also uses for the {@code META-INF/tidings/asyncapi.yaml} of a jar) fed from
 * the application's {@link Router} and the worker's Kafka settings, as a Jackson tree for the page
 * and the JSON output.
 */
public final class AsyncApi {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String HEADERS = AsyncApiDocument.HEADERS;
  static final String DEAD_LETTER = AsyncApiDocument.DEAD_LETTER;

  private AsyncApi() {}

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

  /** The document of {@code input}. */
  public static ObjectNode document(Input input) {
    return (ObjectNode) node(AsyncApiDocument.build(plain(input)));
  }

  /** What the framework's document builder gets for {@code input}. */
  static AsyncApiInput plain(Input input) {
    Router router = input.router();
    List<AsyncApiInput.SchemaEntry> schemas = new ArrayList<>();
    for (SchemaDefinition<?> s : router.schemas().values()) {
      schemas.add(new AsyncApiInput.SchemaEntry(s.id(), s.version(), s.jsonSchema(), s.type().getName(),
          s.retention().map(Duration::toString).orElse(null), s.streams()));
    }
    List<AsyncApiInput.SubscriptionEntry> subscriptions = new ArrayList<>();
    for (Subscription s : router.subscriptions()) {
      Set<String> handled = new LinkedHashSet<>();
      for (SchemaDefinition<?> def : router.schemas().values()) {
        if (s.handlers().containsKey(def.type()) || s.requestHandlers().containsKey(def.type())
            || def.type().equals(s.batchType())) {
          handled.add(def.key());
        }
      }
      subscriptions.add(new AsyncApiInput.SubscriptionEntry(s.group(), s.pattern(), s.streams(), handled,
          s.fallback() != null, !s.requestHandlers().isEmpty(), s.replyTo(), s.failurePolicy().name(),
          s.maxAttempts(), s.concurrency(), s.ordering().name(), s.batchType() != null ? s.batchSize() : null,
          s.mode() == SubscriptionMode.SHARE, s.deadLetterStream()));
    }
    Map<String, Object> settings = input.kafkaSettings() == null ? Map.of() : input.kafkaSettings();
    Object protocol = settings.get("security.protocol");
    Object mechanism = settings.get("sasl.mechanism");
    return new AsyncApiInput(input.title(), input.version(), input.topicPrefix(), input.servers(),
        protocol == null ? null : protocol.toString(), mechanism == null ? null : mechanism.toString(), schemas,
        subscriptions);
  }

  /** {@code document} as YAML, as the processor writes it into the jar. */
  public static String yaml(JsonNode document) {
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = (Map<String, Object>) tree(document);
    return Yaml.write(tree);
  }

  /** {@code document} as indented JSON. */
  public static String json(JsonNode document) {
    try {
      return JSON.writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the AsyncAPI document could not be written", e);
    }
  }

  /** A plain tree of the framework's builder as a Jackson tree (numbers keep their type and scale). */
  static JsonNode node(Object value) {
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((k, v) -> object.set((String) k, node(v)));
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(v -> array.add(node(v)));
      return array;
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof BigDecimal d) {
      return DecimalNode.valueOf(d);
    }
    if (value instanceof BigInteger i) {
      return BigIntegerNode.valueOf(i);
    }
    if (value instanceof Long l) {
      return LongNode.valueOf(l);
    }
    if (value instanceof Number n) {
      return DecimalNode.valueOf(new BigDecimal(n.toString()));
    }
    return NODES.nullNode();
  }

  /** A Jackson tree as the framework's plain tree, for its YAML writer. */
  static Object tree(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), tree(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(v -> list.add(tree(v)));
      return list;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    return null;
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
