package dev.tidings.transport;

import java.nio.charset.StandardCharsets;

/**
 * The child JVM of {@link FileTransportKillTest}: sends messages to a file transport one after the
 * other, without end, and prints {@code confirmed N} once the N-th send has completed.
 */
public final class FileTransportChild {
  private FileTransportChild() {}

  public static void main(String[] args) throws Exception {
    Transport t = Transports.create(TransportConfig.parse("type: file\npath: " + args[0]));
    for (long i = 1; ; i++) {
      byte[] envelope = ("{\"schema\":\"Foo:1\",\"data\":{\"n\":" + i + "}}").getBytes(StandardCharsets.UTF_8);
      t.send(OutgoingMessage.of("s", envelope)).toCompletableFuture().get();
      System.out.println("confirmed " + i);
      System.out.flush();
    }
  }
}
