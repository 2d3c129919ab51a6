package dev.tidings.transport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated message on its way: the stream (the topic without the prefix), the key, the headers
 * and the encoded envelope. The arrays and the list are not copied: do not change them after
 * sending.
 *
 * @param stream the target stream, e.g. {@code orders}
 * @param key the key as raw bytes, or {@code null}
 * @param headers the headers in order (names may repeat)
 * @param envelope the encoded value, normally {@code {"schema":"Id:1","data":{...}}}
 * @param retention the retention of the topic if a Kafka transport creates it, or {@code null}
 */
public record OutgoingMessage(String stream, byte[] key, List<Header> headers, byte[] envelope, Duration retention) {
  public OutgoingMessage {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(envelope, "envelope");
  }

  /** A message without key, headers or retention. */
  public static OutgoingMessage of(String stream, byte[] envelope) {
    return new OutgoingMessage(stream, null, List.of(), envelope, null);
  }

  /** A header: a name and raw bytes (UTF-8 text for Tidings' own headers). */
  public record Header(String name, byte[] value) {
    public Header {
      Objects.requireNonNull(name, "name");
    }

    /** A text header. */
    public static Header of(String name, String value) {
      return new Header(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** The value as UTF-8 text, or empty when it is {@code null} or not valid UTF-8. */
    public Optional<String> text() {
      return text(value);
    }

    /** {@code bytes} as UTF-8 text, or empty when {@code null} or not valid UTF-8. */
    public static Optional<String> text(byte[] bytes) {
      if (bytes == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes)).toString());
      } catch (CharacterCodingException e) {
        return Optional.empty();
      }
    }
  }
}
