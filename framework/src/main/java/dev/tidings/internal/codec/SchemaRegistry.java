package dev.tidings.internal.codec;

import dev.tidings.ConfigurationException;
import dev.tidings.SchemaDefinition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's schemas by {@code id:version} and by record class, compiled once. Registration
 * happens before start; lookups are lock-free afterwards.
 */
public final class SchemaRegistry {
  private final Map<String, CompiledSchema> byKey = new ConcurrentHashMap<>();
  private final Map<Class<?>, CompiledSchema> byType = new ConcurrentHashMap<>();
  private final Map<String, SchemaDefinition<?>> ordered = Collections.synchronizedMap(new LinkedHashMap<>());

  /**
   * Adds a definition (a repeated registration of the same class is ignored).
   *
   * @throws ConfigurationException when another class holds the same key, or a class is registered
   *     under two keys
   */
  public synchronized void register(SchemaDefinition<?> definition) {
    CompiledSchema existing = byKey.get(definition.key());
    if (existing != null) {
      if (existing.definition().type().equals(definition.type())) {
        return;
      }
      throw new ConfigurationException(
          "schema " + definition.key() + " is registered twice, by "
              + existing.definition().type().getName() + " and " + definition.type().getName()
              + ": give one of them another id or version");
    }
    CompiledSchema sameType = byType.get(definition.type());
    if (sameType != null) {
      throw new ConfigurationException(
          definition.type().getName() + " is registered as " + sameType.definition().key() + " and as "
              + definition.key() + ": a record class has one schema; declare the other version as its own record");
    }
    CompiledSchema compiled = CompiledSchema.compile(definition);
    byKey.put(definition.key(), compiled);
    byType.put(definition.type(), compiled);
    ordered.put(definition.key(), definition);
  }

  /** The schema registered under {@code id:version}, or {@code null}. */
  public CompiledSchema byKey(String key) {
    return byKey.get(key);
  }

  /**
   * The schema of a record class.
   *
   * @throws ConfigurationException when the class has no registered schema
   */
  public CompiledSchema byType(Class<?> type) {
    CompiledSchema schema = byType.get(type);
    if (schema == null) {
      throw new ConfigurationException(
          type.getName() + " has no registered schema: annotate it with @dev.tidings.Schema (and run"
              + " the tidings-processor), or register it with router.schema(SchemaDefinition...)"
              + " on a router mounted on the application");
    }
    return schema;
  }

  /** Every definition in registration order. */
  public Map<String, SchemaDefinition<?>> definitions() {
    synchronized (ordered) {
      return Map.copyOf(ordered);
    }
  }
}
