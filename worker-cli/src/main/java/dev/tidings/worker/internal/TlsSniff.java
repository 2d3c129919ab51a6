package dev.tidings.worker.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

/**
 * Tells whether a port that a client would talk plaintext to speaks TLS. A Kafka client that sends a plaintext
 * request to a TLS listener reads the TLS alert it gets back as the size of a response (about 350 MB) and fails with
 * an {@link OutOfMemoryError} in its network thread, or times out; neither says what is wrong. So before the probe,
 * the worker sends the first request any Kafka client sends (ApiVersions v0) itself and looks at the first bytes of
 * the answer: a Kafka broker answers with a small size, a TLS listener with a TLS record ({@code 0x15 0x03} alert or
 * {@code 0x16 0x03} handshake).
 */
final class TlsSniff {
  /** ApiVersions v0: size 10, api key 18, version 0, correlation id 1, client id null. */
  private static final byte[] API_VERSIONS_V0 = {0, 0, 0, 10, 0, 18, 0, 0, 0, 0, 0, 1, -1, -1};

  private TlsSniff() {}

  /**
   * Returns the first of {@code servers} that answers like a TLS listener.
   *
   * @param servers {@code host:port[,host:port]}
   * @param timeoutMillis bound of the connect and of the read, per server
   * @return the server that speaks TLS, or empty when none does or none could be asked
   */
  static Optional<String> firstSpeakingTls(String servers, int timeoutMillis) {
    for (String server : servers.split(",")) {
      String s = server.trim();
      int colon = s.lastIndexOf(':');
      if (colon <= 0) {
        continue;
      }
      String host = s.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      int port;
      try {
        port = Integer.parseInt(s.substring(colon + 1));
      } catch (NumberFormatException e) {
        continue;
      }
      if (speaksTls(host, port, timeoutMillis)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private static boolean speaksTls(String host, int port, int timeoutMillis) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(API_VERSIONS_V0);
      out.flush();
      InputStream in = socket.getInputStream();
      int first = in.read();
      int second = first < 0 ? -1 : in.read();
      return (first == 0x15 || first == 0x16) && second == 0x03;
    } catch (IOException | IllegalArgumentException e) {
      // unreachable, unresolvable, closed or silent: the probe that follows reports it
      return false;
    }
  }
}
