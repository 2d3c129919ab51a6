package dev.tidings.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.tidings.DecodeException;
import dev.tidings.DecodeException.Reason;
import dev.tidings.SchemaValidationException;
import dev.tidings.SchemaValidationException.Violation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
      return write(key, record);
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
    return write(key, data);
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

  /** {@code {"schema":"<key>","data":}, as {@link #encode} writes it before the data. */
  static byte[] envelopePrefix(String schemaKey) {
    byte[] empty = writeEnvelope(Json.mapper(), schemaKey, Json.mapper().createObjectNode());
    return Arrays.copyOf(empty, empty.length - 3);
  }

  /** The envelope bytes of an already validated tree. */
  public byte[] write(String schemaKey, JsonNode data) {
    return writeEnvelope(schemaKey, data);
  }

  private byte[] write(String schemaKey, Record record) {
    return writeEnvelope(schemaKey, record);
  }

  private byte[] writeEnvelope(String schemaKey, Object data) {
    return writeEnvelope(mapper, schemaKey, data);
  }

  private static byte[] writeEnvelope(ObjectMapper mapper, String schemaKey, Object data) {
    try {
      // writeValueAsBytes writes into the factory's recycled buffers: one copy out, no growing stream.
      return mapper.writeValueAsBytes(new EnvelopeValue(schemaKey, data));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write envelope of " + schemaKey, e);
    }
  }

  /**
   * {@code {"schema":key,"data":...}}, with {@code data} a tree or a record that Jackson serializes
   * in place: the tree writes itself token by token, the record through its cached serializer.
   */
  private static final class EnvelopeValue extends JsonSerializable.Base {
    private final String schemaKey;
    private final Object data;

    EnvelopeValue(String schemaKey, Object data) {
      this.schemaKey = schemaKey;
      this.data = data;
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject();
      gen.writeStringField("schema", schemaKey);
      gen.writeFieldName("data");
      if (data instanceof JsonNode tree) {
        tree.serialize(gen, provider);
      } else {
        provider.defaultSerializeValue(data, gen);
      }
      gen.writeEndObject();
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer)
        throws IOException {
      serialize(gen, provider);
    }
  }

  /** A record bound by {@link #decodeExact}, with the schema key it came with. */
  public record Exact(String schemaKey, Record record) {}

  private static final byte[] COMPACT_START = "{\"schema\":\"".getBytes(StandardCharsets.UTF_8);

  /**
   * The fast route for envelopes that Tidings itself wrote: reads the schema key and binds {@code
   * data} in one streaming pass, without a tree or the JSON Schema validator, and accepts the
   * result only when the schema's {@link dev.tidings.RecordCheck} vouches for the record <em>and</em>
   * writing it again gives exactly {@code value}. Then the bytes are the envelope of a record known
   * to be valid, so they are valid themselves, whatever the record's constructor or Jackson's
   * leniency would have made of other input.
   *
   * @return the record, or {@code null} when the route does not apply (other writers' formatting,
   *     no check, anything unexpected): the caller then takes {@link #parse} and {@link #bind},
   *     which decide and report
   */
  public Exact decodeExact(byte[] value) {
    if (value == null || !startsWith(value, COMPACT_START, 0) || value[value.length - 1] != '}') {
      return null;
    }
    int keyEnd = COMPACT_START.length;
    while (keyEnd < value.length && value[keyEnd] != '"') {
      if (value[keyEnd] == '\\') {
        return null;
      }
      keyEnd++;
    }
    if (keyEnd == value.length) {
      return null;
    }
    String key = new String(value, COMPACT_START.length, keyEnd - COMPACT_START.length, StandardCharsets.UTF_8);
    CompiledSchema schema = registry.byKey(key);
    if (schema == null || !schema.hasCheck()) {
      return null;
    }
    // {"schema":"<key>","data": exactly as Tidings writes it, then the data, then the closing brace.
    byte[] prefix = schema.envelopePrefix();
    if (!startsWith(value, prefix, 0)) {
      return null;
    }
    int dataEnd = value.length - 1;
    try {
      Record record = schema.reader().readValue(value, prefix.length, dataEnd - prefix.length);
      if (record == null || !schema.certainlyValid(record)) {
        return null;
      }
      SameBytes same = new SameBytes(value, prefix.length, dataEnd);
      schema.writer().writeValue(same, record);
      return same.same() ? new Exact(key, record) : null;
    } catch (IOException | RuntimeException e) {
      // Not ours to judge: the tree route classifies the input and reports on it.
      return null;
    }
  }

  /** Compares what is written to it with a range of the expected bytes, without keeping a copy. */
  private static final class SameBytes extends OutputStream {
    private final byte[] expected;
    private final int end;
    private int at;
    private boolean differs;

    SameBytes(byte[] expected, int from, int end) {
      this.expected = expected;
      this.at = from;
      this.end = end;
    }

    @Override
    public void write(int b) {
      differs |= at >= end || expected[at] != (byte) b;
      at++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (differs || at + len > end || !Arrays.equals(b, off, off + len, expected, at, at + len)) {
        differs = true;
      }
      at += len;
    }

    boolean same() {
      return !differs && at == end;
    }
  }

  private static boolean startsWith(byte[] value, byte[] prefix, int at) {
    return value.length - at >= prefix.length
        && Arrays.equals(value, at, at + prefix.length, prefix, 0, prefix.length);
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
