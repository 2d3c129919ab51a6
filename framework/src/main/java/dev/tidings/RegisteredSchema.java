package dev.tidings;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the schema registry topic: the canonical JSON Schema registered under {@code
 * id:version}, by which application and when.
 *
 * @param key {@code id:version}, the record key in the registry topic
 * @param jsonSchema the canonical JSON Schema document (see {@link SchemaDocuments#canonical})
 * @param application the name of the application that registered it first
 * @param registeredAt when it was registered
 */
public record RegisteredSchema(String key, String jsonSchema, String application, Instant registeredAt) {
  public RegisteredSchema {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(jsonSchema, "jsonSchema");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(registeredAt, "registeredAt");
  }

  /** The id part of the key. */
  public String id() {
    return key.substring(0, key.lastIndexOf(':'));
  }

  /** The version part of the key. */
  public int version() {
    return Integer.parseInt(key.substring(key.lastIndexOf(':') + 1));
  }
}
