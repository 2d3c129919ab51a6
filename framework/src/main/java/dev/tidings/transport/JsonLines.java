package dev.tidings.transport;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidings.DecodeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The line format of the {@code file} and {@code console} transports: one JSON object per message,
 * {@code {"stream":"orders","key":"o-1","headers":{"traceparent":"..."},"envelope":{"schema":...}}}.
 * A key or header value that is not UTF-8 is written as base64 under {@code keyBase64} or {@code
 * headersBase64}; a value that is not one line of JSON as {@code valueBase64}. The envelope's bytes
 * are written as they are, so reading a line back gives the very same bytes.
 */
public final class JsonLines {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private JsonLines() {}

  /** The line of {@code m}, ending in {@code \n}. */
  public static byte[] encode(OutgoingMessage m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(m.envelope().length + 64);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("stream", m.stream());
      if (m.key() != null) {
        var text = OutgoingMessage.Header.text(m.key());
        if (text.isPresent()) {
          g.writeStringField("key", text.get());
        } else {
          g.writeStringField("keyBase64", Base64.getEncoder().encodeToString(m.key()));
        }
      }
      writeHeaders(g, m.headers());
      if (isOneLineOfJson(m.envelope())) {
        g.writeFieldName("envelope");
        g.writeRawValue(new String(m.envelope(), StandardCharsets.UTF_8));
      } else {
        g.writeStringField("valueBase64", Base64.getEncoder().encodeToString(m.envelope()));
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static void writeHeaders(JsonGenerator g, List<OutgoingMessage.Header> headers) throws IOException {
    if (headers.isEmpty()) {
      return;
    }
    List<OutgoingMessage.Header> binary = new ArrayList<>();
    g.writeObjectFieldStart("headers");
    for (OutgoingMessage.Header h : headers) {
      if (h.value() == null) {
        g.writeNullField(h.name());
      } else if (h.text().isPresent()) {
        g.writeStringField(h.name(), h.text().get());
      } else {
        binary.add(h);
      }
    }
    g.writeEndObject();
    if (!binary.isEmpty()) {
      g.writeObjectFieldStart("headersBase64");
      for (OutgoingMessage.Header h : binary) {
        g.writeStringField(h.name(), Base64.getEncoder().encodeToString(h.value()));
      }
      g.writeEndObject();
    }
  }

  private static boolean isOneLineOfJson(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '\n' || b == '\r') {
        return false;
      }
    }
    try (JsonParser p = FACTORY.createParser(bytes)) {
      if (p.nextToken() == null) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The message of one line.
   *
   * @throws DecodeException (fatal for this line) when it is not such an object, naming {@code where}
   */
  public static OutgoingMessage decode(String line, String where) {
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (IOException e) {
      throw new DecodeException(DecodeException.Reason.NOT_JSON, where + " is not JSON: " + e.getMessage());
    }
    if (!(node instanceof ObjectNode o) || !o.path("stream").isTextual()
        || !(o.has("envelope") || o.path("valueBase64").isTextual())) {
      throw new DecodeException(DecodeException.Reason.NOT_ENVELOPE, where
          + " is not a line of the file transport: it needs \"stream\" and \"envelope\" (or \"valueBase64\")");
    }
    try {
      return decode(o, line);
    } catch (IllegalArgumentException e) {
      throw new DecodeException(DecodeException.Reason.NOT_ENVELOPE, where + " has invalid base64: " + e.getMessage());
    }
  }

  private static OutgoingMessage decode(ObjectNode o, String line) {
    byte[] key = o.path("key").isTextual() ? o.get("key").asText().getBytes(StandardCharsets.UTF_8)
        : o.path("keyBase64").isTextual() ? Base64.getDecoder().decode(o.get("keyBase64").asText()) : null;
    List<OutgoingMessage.Header> headers = new ArrayList<>();
    for (Map.Entry<String, JsonNode> h : o.path("headers").properties()) {
      headers.add(new OutgoingMessage.Header(h.getKey(),
          h.getValue().isNull() ? null : h.getValue().asText().getBytes(StandardCharsets.UTF_8)));
    }
    for (Map.Entry<String, JsonNode> h : o.path("headersBase64").properties()) {
      headers.add(new OutgoingMessage.Header(h.getKey(), Base64.getDecoder().decode(h.getValue().asText())));
    }
    byte[] envelope = o.has("envelope") ? rawEnvelope(line)
        : Base64.getDecoder().decode(o.get("valueBase64").asText());
    return new OutgoingMessage(o.get("stream").asText(), key, List.copyOf(headers), envelope, null);
  }

  /** The bytes of the {@code envelope} value exactly as they are in the line. */
  private static byte[] rawEnvelope(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    try (JsonParser p = FACTORY.createParser(bytes)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("envelope")) {
          int start = (int) p.currentTokenLocation().getByteOffset();
          p.skipChildren();
          int end = (int) p.currentLocation().getByteOffset();
          byte[] out = new byte[end - start];
          System.arraycopy(bytes, start, out, 0, out.length);
          return out;
        }
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no envelope in " + line);
  }

  /**
   * The files of a file transport writing to {@code file}, oldest first: its rotated files ({@code
   * file.1}, {@code file.2}, ...) and then {@code file} itself, those that exist.
   */
  public static List<Path> files(Path file) {
    TreeMap<Long, Path> rotated = new TreeMap<>();
    Path dir = file.toAbsolutePath().getParent();
    String prefix = file.getFileName().toString() + ".";
    if (dir != null && Files.isDirectory(dir)) {
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
        for (Path p : stream) {
          String name = p.getFileName().toString();
          if (name.startsWith(prefix)) {
            String seq = name.substring(prefix.length());
            if (!seq.isEmpty() && seq.length() < 12 && seq.chars().allMatch(Character::isDigit)) {
              rotated.put(Long.parseLong(seq), p);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<Path> out = new ArrayList<>(rotated.values());
    if (Files.exists(file)) {
      out.add(file.toAbsolutePath());
    }
    return out;
  }
}
