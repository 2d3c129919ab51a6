package dev.tidings.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.tidings.SchemaValidationException.Violation;
import dev.tidings.internal.codec.CompiledSchema;
import dev.tidings.internal.codec.EnvelopeCodec;
import java.io.IOException;
import java.util.List;
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
 * The codec path alone, per message: what {@code publish} does before the producer (encode +
 * validate) and what a subscription does before the handler (decode + validate + bind), each next
 * to the plain Jackson work a raw-client user does for the same bytes, plus the generic validator
 * alone and a validator of the kind the processor could generate ({@link HandValidator}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBenchmark {
  private static final int POOL = 1024;

  @Param({"small", "rich"})
  public String shape;

  private String key;
  private EnvelopeCodec codec;
  private EnvelopeCodec treeCodec;
  private EnvelopeCodec noReaderCodec;
  private CompiledSchema schema;
  private ObjectMapper mapper;
  private ObjectReader reader;
  private Record[] records;
  private byte[][] envelopes;
  private JsonNode[] trees;
  private int next;

  @Setup
  public void setUp() throws IOException {
    Shape s = Shape.parse(shape);
    key = s.key();
    codec = PublishComparison.codec();
    treeCodec = PublishComparison.codec(false);
    noReaderCodec = PublishComparison.codec(true, false);
    if (!s.definition().reader().isPresent()) {
      throw new IllegalStateException("no generated reader for " + key + ": build bench with the processor");
    }
    schema = codec.registry().byKey(key);
    mapper = new ObjectMapper();
    reader = mapper.readerFor(s.wireType(mapper));
    records = s.pool(POOL, 3);
    envelopes = new byte[POOL][];
    trees = new JsonNode[POOL];
    for (int i = 0; i < POOL; i++) {
      envelopes[i] = codec.encode("bench", records[i], true);
      trees[i] = mapper.readTree(envelopes[i]).get("data");
      if (codec.decodeExact(envelopes[i]) == null) {
        throw new IllegalStateException("the exact route refuses what Tidings wrote: " + records[i]);
      }
      if (!HandValidator.valid(records[i])) {
        throw new IllegalStateException("the hand-written validator rejects a valid record: " + records[i]);
      }
    }
  }

  private int index() {
    return next++ & (POOL - 1);
  }

  /** What {@code publish} does before the producer: the generated check, then Jackson writes the envelope. */
  @Benchmark
  public byte[] encodeValidate() {
    return codec.encode("bench", records[index()], true);
  }

  /** The route without a check (hand-written schemas, records the check does not vouch for): tree, networknt, write. */
  @Benchmark
  public byte[] encodeTree() {
    return treeCodec.encode("bench", records[index()], true);
  }

  /** The same with {@code validateOnPublish(false)}. */
  @Benchmark
  public byte[] encodeNoValidate() {
    return codec.encode("bench", records[index()], false);
  }

  /** The raw baseline: Jackson writes the same envelope bytes from the record. */
  @Benchmark
  public byte[] jacksonWrite() throws JsonProcessingException {
    return mapper.writeValueAsBytes(new Wire<>(key, records[index()]));
  }

  /** The generic JSON Schema validator alone, on a ready tree. */
  @Benchmark
  public List<Violation> validateTree() {
    return schema.validate(trees[index()]);
  }

  /** A generated-style validator on the record, then Jackson writes the envelope. */
  @Benchmark
  public byte[] handValidateWrite() throws JsonProcessingException {
    Record record = records[index()];
    if (!HandValidator.valid(record)) {
      throw new IllegalStateException("invalid " + record);
    }
    return mapper.writeValueAsBytes(new Wire<>(key, record));
  }

  /** What a subscription does before the handler with envelopes Tidings wrote: generated reader, check. */
  @Benchmark
  public Record decodeExact() {
    return codec.decodeExact(envelopes[index()]).record();
  }

  /** The same route without the generated reader, as before readers: bind, check, rewrite and compare. */
  @Benchmark
  public Record decodeExactNoReader() {
    return noReaderCodec.decodeExact(envelopes[index()]).record();
  }

  /** The route for other writers' envelopes: parse a tree, validate data, bind. */
  @Benchmark
  public Record decodeValidateBind() {
    return codec.bind("bench", codec.parse(envelopes[index()]));
  }

  /** The raw baseline: Jackson reads the envelope straight into the record. */
  @Benchmark
  public Object jacksonRead() throws IOException {
    return reader.readValue(envelopes[index()]);
  }

  /** Jackson reads the record, then a generated-style validator checks it. */
  @Benchmark
  public Object jacksonReadHandValidate() throws IOException {
    Wire<?> wire = reader.readValue(envelopes[index()]);
    if (!HandValidator.valid((Record) wire.data())) {
      throw new IllegalStateException("invalid " + wire);
    }
    return wire;
  }
}
