package dev.tidings.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.DecodeException;
import dev.tidings.PublishException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file transport on a real temporary directory. */
class FileTransportTest {
  private static byte[] envelope(int i) {
    return ("{\"schema\":\"Foo:1\",\"data\":{\"bar\":\"m-" + i + "\",\"amount\":17.50}}").getBytes(StandardCharsets.UTF_8);
  }

  private static Transport file(Path path, String extra) {
    return Transports.create(TransportConfig.parse("type: file\npath: " + path + "\n" + extra));
  }

  @Test
  void linesRoundTripByteForByte(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("out.jsonl");
    OutgoingMessage m = new OutgoingMessage("orders", "k-1".getBytes(StandardCharsets.UTF_8),
        List.of(OutgoingMessage.Header.of("traceparent", "00-abc-01"),
            new OutgoingMessage.Header("bin", new byte[] {(byte) 0xff, 0})),
        envelope(1), null);
    try (Transport t = file(path, "")) {
      Delivery d = t.send(m).toCompletableFuture().get();
      assertEquals(Delivery.line("file", path.toAbsolutePath().toString(), 1), d);
      t.send(new OutgoingMessage("raw", new byte[] {(byte) 0xfe}, List.of(), "not\njson".getBytes(StandardCharsets.UTF_8),
          null)).toCompletableFuture().get();
    }
    List<String> lines = Files.readAllLines(path);
    assertEquals(2, lines.size());
    assertEquals("{\"stream\":\"orders\",\"key\":\"k-1\",\"headers\":{\"traceparent\":\"00-abc-01\"},"
        + "\"headersBase64\":{\"bin\":\"/wA=\"},\"envelope\":" + new String(envelope(1), StandardCharsets.UTF_8) + "}",
        lines.get(0));
    OutgoingMessage back = JsonLines.decode(lines.get(0), "line 1");
    assertArrayEquals(envelope(1), back.envelope(), "17.50 keeps its scale");
    assertArrayEquals(m.key(), back.key());
    assertEquals("00-abc-01", back.headers().get(0).text().orElseThrow());
    assertArrayEquals(new byte[] {(byte) 0xff, 0}, back.headers().get(1).value());
    OutgoingMessage raw = JsonLines.decode(lines.get(1), "line 2");
    assertArrayEquals("not\njson".getBytes(StandardCharsets.UTF_8), raw.envelope());
    assertArrayEquals(new byte[] {(byte) 0xfe}, raw.key());
    assertEquals(DecodeException.Reason.NOT_ENVELOPE,
        assertThrows(DecodeException.class, () -> JsonLines.decode("{\"stream\":\"x\"}", "line 3")).reason());
    assertEquals(DecodeException.Reason.NOT_JSON,
        assertThrows(DecodeException.class, () -> JsonLines.decode("{\"str", "line 4")).reason());
  }

  @Test
  void manyConcurrentSendsAreAllDurableInOrderOfConfirmation(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("many.jsonl");
    List<CompletableFuture<Delivery>> sends = new ArrayList<>();
    try (Transport t = file(path, "")) {
      for (int i = 0; i < 5000; i++) {
        sends.add(t.send(OutgoingMessage.of("s", envelope(i))).toCompletableFuture());
      }
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
    }
    List<String> lines = Files.readAllLines(path);
    assertEquals(5000, lines.size());
    for (int i = 0; i < 5000; i++) {
      assertEquals(i + 1, sends.get(i).get().offset());
      assertArrayEquals(envelope(i), JsonLines.decode(lines.get(i), "line").envelope());
    }
  }

  @Test
  void rotatesBySizeAndListsFilesOldestFirst(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("rot.jsonl");
    try (Transport t = file(path, "maxBytes: 1024\n")) {
      for (int i = 0; i < 100; i++) {
        t.send(OutgoingMessage.of("s", envelope(i))).toCompletableFuture().get();
      }
    }
    List<Path> files = JsonLines.files(path);
    assertTrue(files.size() > 3, files::toString);
    assertEquals(path.toAbsolutePath(), files.get(files.size() - 1));
    assertEquals(dir.resolve("rot.jsonl.1").toAbsolutePath(), files.get(0));
    List<String> all = new ArrayList<>();
    for (Path f : files) {
      assertTrue(Files.size(f) <= 1024, f + " " + Files.size(f));
      all.addAll(Files.readAllLines(f));
    }
    assertEquals(100, all.size());
    for (int i = 0; i < 100; i++) {
      assertArrayEquals(envelope(i), JsonLines.decode(all.get(i), "line").envelope());
    }
  }

  @Test
  void reopeningAppendsAndEndsATornLine(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("torn.jsonl");
    Files.writeString(path, "{\"stream\":\"s\",\"envelope\":{}}\n{\"stream\":\"s\",\"enve");
    try (Transport t = file(path, "")) {
      Delivery d = t.send(OutgoingMessage.of("s", envelope(7))).toCompletableFuture().get();
      assertEquals(3, d.offset(), "after the whole line and the torn one");
    }
    List<String> lines = Files.readAllLines(path);
    assertEquals(3, lines.size());
    assertThrows(DecodeException.class, () -> JsonLines.decode(lines.get(1), "torn"));
    assertArrayEquals(envelope(7), JsonLines.decode(lines.get(2), "line 3").envelope());
  }

  @Test
  void sendAfterCloseFailsWithoutThrowing(@TempDir Path dir) {
    Transport t = file(dir.resolve("c.jsonl"), "");
    t.close();
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> t.send(OutgoingMessage.of("s", envelope(0))).toCompletableFuture().get());
    PublishException p = assertInstanceOf(PublishException.class, e.getCause());
    assertTrue(!p.isRetriable());
    assertTrue(t.flush(Duration.ofSeconds(1)));
  }

  @Test
  void consoleWritesTheSameLines() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.PrintStream previous = System.out;
    System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
    try (Transport t = Transports.create(TransportConfig.parse("type: console"))) {
      Delivery d = t.send(OutgoingMessage.of("s", envelope(3))).toCompletableFuture().get();
      assertEquals("stdout", d.target());
    } finally {
      System.setOut(previous);
    }
    String line = out.toString(StandardCharsets.UTF_8);
    assertArrayEquals(envelope(3), JsonLines.decode(line.trim(), "stdout").envelope());
    assertNull(JsonLines.decode(line.trim(), "stdout").key());
  }
}
