package dev.tidings.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.DecodeException;
import dev.tidings.DecodeException.Reason;
import dev.tidings.SchemaValidationException;
import dev.tidings.SchemaValidationException.Violation;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Encodes records into envelopes {@code {"schema":"Id:1","data":{...}}} (compact UTF-8, exactly
 * the bytes kafkaesk writes for the same data) and decodes envelopes back, validating {@code data}
 * against the registered JSON Schema both ways.
 */
public final class EnvelopeCodec {
  private static final int MAX_REPORTED = 10;
  private final SchemaRegistry registry;
  private final ObjectMapper mapper = Json.mapper();

  public EnvelopeCodec(SchemaRegistry registry) {
    this.registry = registry;
  }

  public SchemaRegistry registry() {
    return registry;
  }

  /**
   * The envelope bytes of {@code record}.
   *
   * <p>When the schema has a {@link dev.tidings.RecordCheck} and it vouches for the record (or
   * validation is off), Jackson writes the record straight into the envelope. Otherwise the record
   * becomes a JSON tree that the JSON Schema validator checks and reports on. Both routes write the
   * same bytes.
   *
   * @param stream the stream, for error messages
   * @param validate whether to validate against the schema first
   * @throws SchemaValidationException when {@code validate} is set and the record is invalid
   * @throws dev.tidings.ConfigurationException when the record's class has no schema
   */
  public byte[] encode(String stream, Record record, boolean validate) {
    return encode(stream, registry.byType(record.getClass()), record, validate);
  }

  /** {@link #encode(String, Record, boolean)} with the record's schema already looked up. */
  public byte[] encode(String stream, CompiledSchema schema, Record record, boolean validate) {
    String key = schema.definition().key();
    if (!validate || schema.certainlyValid(record)) {
      return Envelopes.write(key, record);
    }
    JsonNode data = mapper.valueToTree(record);
    String nonFinite = nonFinite(data, "");
    if (nonFinite != null) {
      throw validationFailure(stream, key, List.of(new Violation(nonFinite, "type",
          "NaN and infinite numbers have no JSON form (Jackson would write a string): use a finite value or null")));
    }
    List<Violation> violations = schema.validate(data);
    if (!violations.isEmpty()) {
      throw validationFailure(stream, key, violations);
    }
    return Envelopes.write(key, data);
  }

  /** The JSON pointer of the first NaN or infinite number in {@code node}, or {@code null}. */
  private static String nonFinite(JsonNode node, String pointer) {
    if (node.isFloatingPointNumber()) {
      double d = node.doubleValue();
      return Double.isNaN(d) || Double.isInfinite(d) ? pointer : null;
    }
    if (node.isContainerNode()) {
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          String found = nonFinite(node.get(i), pointer + "/" + i);
          if (found != null) {
            return found;
          }
        }
      } else {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          String found = nonFinite(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"));
          if (found != null) {
            return found;
          }
        }
      }
    }
    return null;
  }

  /** The envelope bytes of an already validated tree. */
  public byte[] write(String schemaKey, JsonNode data) {
    return Envelopes.write(schemaKey, data);
  }

  /** A record bound by {@link #decodeExact}, with the schema key it came with. */
  public record Exact(String schemaKey, Record record) {}

  /**
   * The fast route for envelopes that Tidings itself wrote (see {@link ExactRoute}): the record
   * when its bytes are exactly what Tidings writes for a record its check vouches for.
   *
   * @return the record, or {@code null} when the route does not apply (other writers' formatting,
   *     no check, anything unexpected): the caller then takes {@link #parse} and {@link #bind},
   *     which decide and report
   */
  public Exact decodeExact(byte[] value) {
    return decodeExact(value, key -> true);
  }

  /** {@link #decodeExact(byte[])} for envelopes whose schema key {@code wanted} accepts. */
  public Exact decodeExact(byte[] value, Predicate<String> wanted) {
    return ExactRoute.decode(registry, value, wanted);
  }

  /**
   * The first step of {@link #decodeExact(byte[])} alone: the record when the schema's generated
   * reader reads it and its check vouches for it, else {@code null} (also without a reader). For
   * tests and benchmarks that judge the reader on its own.
   */
  public Exact decodeByReader(byte[] value) {
    return ExactRoute.decode(registry, value, key -> true, true);
  }

  /**
   * Reads the envelope shape of {@code value} without looking up the schema.
   *
   * @throws DecodeException with {@link Reason#NOT_JSON} or {@link Reason#NOT_ENVELOPE}
   */
  public Envelope parse(byte[] value) {
    JsonNode root;
    try {
      root = value == null ? null : mapper.readTree(value);
    } catch (IOException e) {
      throw new DecodeException(Reason.NOT_JSON, "value is not JSON: " + firstLine(e.getMessage()), e);
    }
    if (root == null || !root.isObject()) {
      throw new DecodeException(
          Reason.NOT_ENVELOPE,
          "value is not an envelope: expected an object {\"schema\":\"Id:1\",\"data\":{...}}, got "
              + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase()));
    }
    JsonNode schema = root.get("schema");
    JsonNode data = root.get("data");
    if (schema == null || !schema.isTextual() || data == null) {
      throw new DecodeException(
          Reason.NOT_ENVELOPE,
          "value is not an envelope: it needs a string member 'schema' and a member 'data'");
    }
    return new Envelope(schema.asText(), data, root);
  }

  /**
   * Validates an envelope's data against its schema and binds it to the record class.
   *
   * @throws DecodeException with {@link Reason#UNKNOWN_SCHEMA}, {@link Reason#INVALID_DATA} or
   *     {@link Reason#BIND_FAILED}
   */
  public Record bind(String stream, Envelope envelope) {
    CompiledSchema schema = registry.byKey(envelope.schemaKey());
    if (schema == null) {
      throw new DecodeException(
          Reason.UNKNOWN_SCHEMA, "schema '" + envelope.schemaKey() + "' is not registered in this application");
    }
    List<Violation> violations = schema.validate(envelope.data());
    if (!violations.isEmpty()) {
      SchemaValidationException cause = validationFailure(stream, envelope.schemaKey(), violations);
      throw new DecodeException(Reason.INVALID_DATA, cause.getMessage(), cause);
    }
    try {
      return (Record) mapper.treeToValue(envelope.data(), schema.definition().type());
    } catch (IOException | IllegalArgumentException e) {
      throw new DecodeException(
          Reason.BIND_FAILED,
          "data of " + envelope.schemaKey() + " does not bind to " + schema.definition().type().getName()
              + ": " + firstLine(e.getMessage()),
          e);
    }
  }

  /** Builds the exception that names the stream, the pointer, the rule and the schema. */
  public static SchemaValidationException validationFailure(
      String stream, String schemaKey, List<Violation> violations) {
    String details =
        violations.stream()
            .limit(MAX_REPORTED)
            .map(v -> "at " + (v.pointer().isEmpty() ? "/" : v.pointer()) + ": " + v.message() + " [" + v.rule() + "]")
            .collect(Collectors.joining("; "));
    if (violations.size() > MAX_REPORTED) {
      details += "; and " + (violations.size() - MAX_REPORTED) + " more";
    }
    return new SchemaValidationException(
        "schema validation failed for stream '" + stream + "' " + details + " (schema " + schemaKey + ")",
        schemaKey,
        violations);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
