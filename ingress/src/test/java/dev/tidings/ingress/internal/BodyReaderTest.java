package dev.tidings.ingress.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BodyReaderTest {
  /** Counts what was read, and whether it was closed. */
  private static final class Tracked extends ByteArrayInputStream {
    boolean closed;

    Tracked(byte[] bytes) {
      super(bytes);
    }

    int left() {
      return count - pos;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void drainReadsToTheEndWithinTheLimit() {
    Tracked in = new Tracked(new byte[70_000]);
    assertTrue(BodyReader.drain(in, 70_000));
    assertEquals(0, in.left());
    assertFalse(in.closed);
  }

  @Test
  void drainStopsAfterTheLimit() {
    Tracked in = new Tracked(new byte[70_000]);
    assertFalse(BodyReader.drain(in, 65_536));
    assertTrue(in.left() > 0 && in.left() < 70_000 - 65_536, "read the limit and a little more: " + in.left());
    assertTrue(BodyReader.drain(new Tracked(new byte[0]), 0), "an empty body has ended");
  }

  @Test
  void drainSaysNoWhenTheBodyCannotBeRead() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("early EOF");
      }
    };
    assertFalse(BodyReader.drain(broken, 1024));
  }

  @Test
  void aBodyOverTheLimitLeavesTheRestOpenForDraining() throws Exception {
    Tracked in = new Tracked(new byte[70_000]);
    HttpError e = assertThrows(HttpError.class, () -> BodyReader.read(in, -1, false, 65_536));
    assertEquals(413, e.reply().status());
    assertFalse(in.closed, "the request's content is left open");
    assertTrue(BodyReader.drain(in, 1 << 20));

    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(zipped)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 100; i++) {
        z.write(zeros);
      }
    }
    Tracked bomb = new Tracked(zipped.toByteArray());
    assertEquals(413, assertThrows(HttpError.class, () -> BodyReader.read(bomb, -1, true, 65_536)).reply().status());
    assertFalse(bomb.closed);
    assertTrue(bomb.left() > 0, "the compressed rest (100 MiB of zeros are ~100 KB) is unread");
    assertTrue(BodyReader.drain(bomb, 1 << 20));
  }

  @Test
  void aBodyWithinTheLimitIsReadWhole() {
    byte[] body = "{\"a\":1}".getBytes();
    Tracked in = new Tracked(body);
    assertArrayEquals(body, BodyReader.read(in, body.length, false, 65_536));
    assertFalse(in.closed);
    assertTrue(BodyReader.drain(in, 0));
  }
}
