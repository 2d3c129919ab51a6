package dev.tidings;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered message schema: the record class, its {@code id:version}, the JSON Schema document
 * that its {@code data} must satisfy, the retention of the topics that carry it and the streams to
 * create at start-up. Generated registrations build these; programmatic users call {@link
 * #builder(Class)}.
 *
 * @param <T> the record type
 */
public final class SchemaDefinition<T extends Record> {
  private final Class<T> type;
  private final String id;
  private final int version;
  private final Duration retention;
  private final List<String> streams;
  private final String jsonSchema;
  private final RecordCheck<T> check;
  private final RecordReader<T> reader;

  private SchemaDefinition(Builder<T> b) {
    this.type = b.type;
    this.id = b.id == null ? b.type.getSimpleName() : b.id;
    this.version = b.version;
    this.retention = b.retention;
    this.streams = List.copyOf(b.streams);
    this.jsonSchema = b.jsonSchema;
    this.check = b.check;
    this.reader = b.reader;
    if (id.isBlank() || id.contains(":")) {
      throw new ConfigurationException(
          "schema id '" + id + "' of " + type.getName() + " is invalid: use a non-blank id without ':'");
    }
    if (version < 1) {
      throw new ConfigurationException(
          "schema " + id + " of " + type.getName() + " has version " + version + ": use a version >= 1");
    }
    if (retention != null && retention.isNegative()) {
      throw new ConfigurationException(
          "schema " + key() + " has a negative retention " + retention + ": use a positive duration or none");
    }
    if (jsonSchema == null || jsonSchema.isBlank()) {
      throw new ConfigurationException(
          "schema " + key() + " of " + type.getName() + " has no JSON Schema document: pass one with"
              + " jsonSchema(...) or annotate the record with @Schema so the processor derives it");
    }
  }

  /** Starts a definition for {@code type}; the id defaults to its simple name, the version to 1. */
  public static <T extends Record> Builder<T> builder(Class<T> type) {
    return new Builder<>(type);
  }

  /** Shorthand for a definition without retention or streams. */
  public static <T extends Record> SchemaDefinition<T> of(
      Class<T> type, String id, int version, String jsonSchema) {
    return builder(type).id(id).version(version).jsonSchema(jsonSchema).build();
  }

  public Class<T> type() {
    return type;
  }

  public String id() {
    return id;
  }

  public int version() {
    return version;
  }

  /** {@code id:version}, as written in the envelope's {@code schema} field. */
  public String key() {
    return id + ":" + version;
  }

  /** The retention of topics created for this schema, if set. */
  public Optional<Duration> retention() {
    return Optional.ofNullable(retention);
  }

  /** Streams to create at start-up. */
  public List<String> streams() {
    return streams;
  }

  /** The JSON Schema document (draft 2020-12). */
  public String jsonSchema() {
    return jsonSchema;
  }

  /**
   * The fast check of records before they are written, if one was given (generated registrations
   * give one for derived schemas).
   */
  public Optional<RecordCheck<T>> check() {
    return Optional.ofNullable(check);
  }

  /**
   * The generated streaming reader of the record's JSON, if one was given (generated registrations
   * give one for derived schemas whose records it reads exactly).
   */
  public Optional<RecordReader<T>> reader() {
    return Optional.ofNullable(reader);
  }

  @Override
  public String toString() {
    return "SchemaDefinition[" + key() + " -> " + type.getName() + "]";
  }

  /** Builds a {@link SchemaDefinition}. */
  public static final class Builder<T extends Record> {
    private final Class<T> type;
    private String id;
    private int version = 1;
    private Duration retention;
    private List<String> streams = List.of();
    private String jsonSchema;
    private RecordCheck<T> check;
    private RecordReader<T> reader;

    private Builder(Class<T> type) {
      this.type = Objects.requireNonNull(type, "type");
    }

    public Builder<T> id(String id) {
      this.id = id;
      return this;
    }

    public Builder<T> version(int version) {
      this.version = version;
      return this;
    }

    /** Retention of created topics; {@code null} leaves the broker default. */
    public Builder<T> retention(Duration retention) {
      this.retention = retention;
      return this;
    }

    public Builder<T> streams(String... streams) {
      this.streams = List.of(streams);
      return this;
    }

    public Builder<T> jsonSchema(String jsonSchema) {
      this.jsonSchema = jsonSchema;
      return this;
    }

    /**
     * A fast check run before the JSON Schema validator when a record is published: when it says
     * {@code true} the record is written straight to the envelope without building a JSON tree;
     * otherwise the JSON Schema validator decides. It must never return {@code true} for a record
     * whose JSON the schema rejects. The processor generates it; {@code null} for none.
     */
    public Builder<T> check(RecordCheck<T> check) {
      this.check = check;
      return this;
    }

    /**
     * A streaming reader used on consume for envelopes Tidings wrote: when it reads a record and
     * the {@link #check(RecordCheck) check} vouches for it, the record is handed over without a JSON
     * tree or the JSON Schema validator; otherwise the generic route decides. Used only together
     * with a check. It must never return a record for JSON the schema rejects, nor one that differs
     * from what Jackson binds. The processor generates it; {@code null} for none.
     */
    public Builder<T> reader(RecordReader<T> reader) {
      this.reader = reader;
      return this;
    }

    /**
     * @throws ConfigurationException when the id, version, retention or document is invalid
     */
    public SchemaDefinition<T> build() {
      return new SchemaDefinition<>(this);
    }
  }
}
