package dev.tidings.internal.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.tidings.RecordReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * The consume route for envelopes that Tidings itself wrote: binds {@code data} without a tree or
 * the JSON Schema validator, and accepts the record only when the schema's {@link
 * dev.tidings.RecordCheck} vouches for it <em>and</em> writing it again gives exactly the bytes that
 * came in. Then the bytes are the envelope of a record known to be valid, so they are valid
 * themselves, whatever the record's constructor or Jackson's leniency would have made of other
 * input.
 *
 * <p>A schema with a generated {@link RecordReader} first gets the cheaper test: the reader reads
 * {@code data} in one streaming pass, accepting only input that holds exactly the values of the
 * record it builds, written as Jackson writes them; when the check then vouches for the record,
 * the JSON that came in is valid too, and no rewrite is needed. When the reader is not sure, the
 * comparison above decides.
 */
final class ExactRoute {
  private static final byte[] COMPACT_START = "{\"schema\":\"".getBytes(StandardCharsets.UTF_8);
  private static final JsonFactory FACTORY = Json.mapper().getFactory();

  private ExactRoute() {}

  /**
   * The record, or {@code null} when the route does not apply.
   *
   * @param wanted the schema keys worth binding (others are left alone, before any binding)
   */
  static EnvelopeCodec.Exact decode(SchemaRegistry registry, byte[] value, Predicate<String> wanted) {
    return decode(registry, value, wanted, false);
  }

  /**
   * @param readerOnly whether to stop after the generated reader (no bind, rewrite and compare)
   */
  static EnvelopeCodec.Exact decode(
      SchemaRegistry registry, byte[] value, Predicate<String> wanted, boolean readerOnly) {
    if (value == null || !startsWith(value, COMPACT_START) || value[value.length - 1] != '}') {
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
    CompiledSchema schema = wanted.test(key) ? registry.byKey(key) : null;
    if (schema == null || !schema.hasCheck()) {
      return null;
    }
    // {"schema":"<key>","data": exactly as Tidings writes it, then the data, then the closing brace.
    byte[] prefix = schema.envelopePrefix();
    if (!startsWith(value, prefix)) {
      return null;
    }
    int dataEnd = value.length - 1;
    RecordReader<Record> recordReader = schema.recordReader();
    if (recordReader != null) {
      Record read = read(recordReader, value, prefix.length, dataEnd);
      if (read != null && schema.certainlyValid(read)) {
        return new EnvelopeCodec.Exact(key, read);
      }
    }
    if (readerOnly) {
      return null;
    }
    try {
      Record record = schema.reader().readValue(value, prefix.length, dataEnd - prefix.length);
      if (record == null || !schema.certainlyValid(record)) {
        return null;
      }
      SameBytes same = new SameBytes(value, prefix.length, dataEnd);
      schema.writer().writeValue(same, record);
      return same.same() ? new EnvelopeCodec.Exact(key, record) : null;
    } catch (IOException | RuntimeException e) {
      // Not ours to judge: the tree route classifies the input and reports on it.
      return null;
    }
  }

  /**
   * The record that {@code reader} reads from {@code value[from, end)}, which must hold one object
   * and nothing after it; {@code null} when the reader is not sure or the input is not JSON.
   */
  static Record read(RecordReader<Record> reader, byte[] value, int from, int end) {
    try (JsonParser parser = FACTORY.createParser(value, from, end - from)) {
      parser.nextToken();
      Record record = reader.read(parser);
      return record != null && parser.nextToken() == null ? record : null;
    } catch (IOException | RuntimeException e) {
      // ReaderSupport.NotSure, or input that is not JSON: the other routes classify and report.
      return null;
    }
  }

  private static boolean startsWith(byte[] value, byte[] prefix) {
    return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
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
}
