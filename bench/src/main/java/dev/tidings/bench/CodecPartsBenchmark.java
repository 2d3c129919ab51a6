package dev.tidings.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.tidings.internal.codec.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Where the codec's time goes, step by step (not part of the default run; {@code
 * bench/run --only codec-parts} runs it): Jackson's {@code valueToTree}, writing the envelope
 * from a tree, reading a tree, binding a tree, and the networknt validator in its two output
 * formats.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecPartsBenchmark {
  private static final int POOL = 1024;

  @Param({"small", "rich"})
  public String shape;

  private Class<? extends Record> type;
  private ObjectMapper mapper;
  private ObjectReader reader;
  private JsonSchema schema;
  private Record[] records;
  private byte[][] envelopes;
  private JsonNode[] trees;
  private int next;

  @Setup
  public void setUp() throws IOException {
    Shape s = Shape.parse(shape);
    type = s.type;
    mapper = Json.mapper();
    reader = mapper.readerFor(type);
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
        .pathType(PathType.JSON_POINTER)
        .formatAssertionsEnabled(true)
        .build();
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(mapper.readTree(s.jsonSchema()), config);
    schema.initializeValidators();
    records = s.pool(POOL, 3);
    envelopes = new byte[POOL][];
    trees = new JsonNode[POOL];
    for (int i = 0; i < POOL; i++) {
      envelopes[i] = PublishComparison.codec().encode("bench", records[i], false);
      trees[i] = mapper.readTree(envelopes[i]).get("data");
    }
  }

  private int index() {
    return next++ & (POOL - 1);
  }

  @Benchmark
  public JsonNode valueToTree() {
    return mapper.valueToTree(records[index()]);
  }

  @Benchmark
  public byte[] writeEnvelopeFromTree() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator gen = mapper.getFactory().createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringField("schema", "X:1");
      gen.writeFieldName("data");
      mapper.writeTree(gen, trees[index()]);
      gen.writeEndObject();
    }
    return out.toByteArray();
  }

  /** The same bytes through {@code writeValueAsBytes} (recycled buffers) and a serializable envelope. */
  @Benchmark
  public byte[] writeEnvelopeSerializable() throws IOException {
    return mapper.writeValueAsBytes(new TreeEnvelope("X:1", trees[index()]));
  }

  /** Writes {@code {"schema":...,"data":<tree>}}. */
  static final class TreeEnvelope extends JsonSerializable.Base {
    private final String key;
    private final JsonNode data;

    TreeEnvelope(String key, JsonNode data) {
      this.key = key;
      this.data = data;
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject();
      gen.writeStringField("schema", key);
      gen.writeFieldName("data");
      data.serialize(gen, provider);
      gen.writeEndObject();
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer)
        throws IOException {
      serialize(gen, provider);
    }
  }

  @Benchmark
  public JsonNode readTree() throws IOException {
    return mapper.readTree(envelopes[index()]);
  }

  @Benchmark
  public Object treeToValue() throws IOException {
    return mapper.treeToValue(trees[index()], type);
  }

  /** Binding through a reader made once per type instead of {@code treeToValue}. */
  @Benchmark
  public Object readerTreeValue() throws IOException {
    return reader.readValue(trees[index()]);
  }

  @Benchmark
  public Set<ValidationMessage> validateDefault() {
    return schema.validate(trees[index()]);
  }

  @Benchmark
  public Boolean validateBoolean() {
    return schema.validate(trees[index()], OutputFormat.BOOLEAN);
  }
}
