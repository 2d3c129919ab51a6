package dev.tidings;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the JSON Schema of an {@code id:version} comes from when the code does not hold it: a
 * consumer of raw or {@code JsonNode} messages, an HTTP ingress or an HTTP sink that sees envelopes
 * of schemas registered by other applications. {@link SchemaRegistryTopic} resolves from the
 * registry topic; {@link #of(Map)} is a fixed map (and the test double); {@link #orElse} chains
 * them, e.g. the application's own schemas first, then the registry:
 *
 * <pre>{@code
 * try (SchemaRegistryTopic registry = SchemaRegistryTopic.open(options, SchemaRegistryTopic.topicFor(prefix))) {
 *   registry.load(Duration.ofSeconds(30), progress -> {});
 *   SchemaSource schemas = SchemaSource.of(router).orElse(registry);
 *   Optional<String> schema = schemas.jsonSchema("OrderPlaced:2");
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface SchemaSource {
  /**
   * The JSON Schema document registered under {@code key} ({@code id:version}), if this source
   * knows it.
   */
  Optional<String> jsonSchema(String key);

  /** This source, and {@code next} for the keys this one does not know. */
  default SchemaSource orElse(SchemaSource next) {
    Objects.requireNonNull(next, "next");
    return key -> {
      Optional<String> found = jsonSchema(key);
      return found.isPresent() ? found : next.jsonSchema(key);
    };
  }

  /** A fixed source: JSON Schema documents by {@code id:version}. */
  static SchemaSource of(Map<String, String> byKey) {
    Map<String, String> copy = Map.copyOf(byKey);
    return key -> Optional.ofNullable(copy.get(key));
  }

  /** The schemas registered on {@code router} (a snapshot of what it holds now). */
  static SchemaSource of(Router router) {
    Map<String, String> byKey = new java.util.HashMap<>();
    router.schemas().forEach((key, definition) -> byKey.put(key, definition.jsonSchema()));
    return of(byKey);
  }
}
