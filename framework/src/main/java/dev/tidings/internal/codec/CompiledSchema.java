package dev.tidings.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.tidings.ConfigurationException;
import dev.tidings.RecordCheck;
import dev.tidings.RecordReader;
import dev.tidings.SchemaDefinition;
import dev.tidings.SchemaValidationException.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** A schema definition with its JSON Schema compiled once; thread-safe. */
public final class CompiledSchema {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder()
          .pathType(PathType.JSON_POINTER)
          .formatAssertionsEnabled(true)
          .build();

  private final SchemaDefinition<?> definition;
  private final JsonSchema schema;
  private final RecordCheck<Record> check;
  private final RecordReader<Record> recordReader;
  private final ObjectReader reader;
  private final ObjectWriter writer;
  private final byte[] envelopePrefix;

  @SuppressWarnings("unchecked")
  private CompiledSchema(SchemaDefinition<?> definition, JsonSchema schema) {
    this.definition = definition;
    this.schema = schema;
    this.check = (RecordCheck<Record>) definition.check().orElse(null);
    this.recordReader = check == null ? null : (RecordReader<Record>) definition.reader().orElse(null);
    this.reader = Json.mapper().readerFor(definition.type());
    this.writer = Json.mapper().writerFor(definition.type());
    this.envelopePrefix = Envelopes.prefix(definition.key());
  }

  /** Writes instances of the definition's type (no validation). */
  ObjectWriter writer() {
    return writer;
  }

  /** The bytes of an envelope of this schema before its data. */
  byte[] envelopePrefix() {
    return envelopePrefix;
  }

  /** Whether the definition has a {@link RecordCheck}. */
  boolean hasCheck() {
    return check != null;
  }

  /** The generated streaming reader, or {@code null}; never without a check. */
  RecordReader<Record> recordReader() {
    return recordReader;
  }

  /** Binds {@code data} to the definition's type (no validation). */
  ObjectReader reader() {
    return reader;
  }

  /**
   * Compiles the definition's JSON Schema.
   *
   * @throws ConfigurationException when the document is not a valid JSON Schema
   */
  public static CompiledSchema compile(SchemaDefinition<?> definition) {
    try {
      JsonNode document = Json.mapper().readTree(definition.jsonSchema());
      if (!document.isObject() && !document.isBoolean()) {
        throw new IllegalArgumentException("the document is neither an object nor a boolean");
      }
      JsonSchema compiled = FACTORY.getSchema(document, CONFIG);
      compiled.initializeValidators();
      return new CompiledSchema(definition, compiled);
    } catch (Exception e) {
      throw new ConfigurationException(
          "the JSON Schema of " + definition.key() + " (" + definition.type().getName()
              + ") cannot be compiled: " + e.getMessage() + "; fix the document", e);
    }
  }

  public SchemaDefinition<?> definition() {
    return definition;
  }

  /**
   * Whether the definition's {@link RecordCheck} vouches for {@code record} (an instance of the
   * definition's type); {@code false} without a check, or when the check throws.
   */
  boolean certainlyValid(Record record) {
    if (check == null) {
      return false;
    }
    try {
      return check.certainlyValid(record);
    } catch (RuntimeException e) {
      // A check is an optimization: when it breaks, the JSON Schema validator still decides.
      return false;
    }
  }

  /** The broken rules, sorted by pointer; empty when {@code data} is valid. */
  public List<Violation> validate(JsonNode data) {
    Set<ValidationMessage> messages;
    try {
      messages = schema.validate(data);
    } catch (RuntimeException e) {
      // The validator has no answer for some values (e.g. NaN against a bound): report, never throw.
      return List.of(new Violation("", "validator",
          "the JSON Schema validator cannot evaluate this data (" + e + "); look for a value the schema's"
              + " keywords cannot apply to, such as a non-finite number, and fix the data or the schema"));
    }
    if (messages.isEmpty()) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>(messages.size());
    for (ValidationMessage m : messages) {
      String pointer = m.getInstanceLocation().toString();
      String text = m.getMessage();
      if (text.startsWith(pointer + ": ")) {
        text = text.substring(pointer.length() + 2);
      }
      violations.add(new Violation(pointer, m.getType(), text));
    }
    violations.sort(Comparator.comparing(Violation::pointer).thenComparing(Violation::rule));
    return violations;
  }
}
