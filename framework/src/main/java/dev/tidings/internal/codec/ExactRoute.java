package dev.tidings.internal.codec;

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
 */
final class ExactRoute {
  private static final byte[] COMPACT_START = "{\"schema\":\"".getBytes(StandardCharsets.UTF_8);

  private ExactRoute() {}

  /**
   * The record, or {@code null} when the route does not apply.
   *
   * @param wanted the schema keys worth binding (others are left alone, before any binding)
   */
  static EnvelopeCodec.Exact decode(SchemaRegistry registry, byte[] value, Predicate<String> wanted) {
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
