package dev.tidings.ingress.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes the error shape {@code {"error":{"code","message","details":[...],"retriable"}}}. */
public final class ErrorBody {
  static final JsonFactory JSON = new JsonFactory();

  private ErrorBody() {}

  /**
   * One detail of an error.
   *
   * @param pointer JSON pointer into the request body
   * @param message what is wrong there
   * @param keyword the JSON Schema keyword (or another rule) that failed
   */
  public record Detail(String pointer, String message, String keyword) {}

  /** The whole body. */
  public static byte[] write(String code, String message, List<Detail> details, boolean retriable) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128 + message.length());
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName("error");
      writeError(g, code, message, details, retriable);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The inner object {@code {"code",...}}. */
  static void writeError(JsonGenerator g, String code, String message, List<Detail> details, boolean retriable)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("code", code);
    g.writeStringField("message", message);
    g.writeArrayFieldStart("details");
    for (Detail d : details) {
      g.writeStartObject();
      g.writeStringField("pointer", d.pointer());
      g.writeStringField("message", d.message());
      g.writeStringField("keyword", d.keyword());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeBooleanField("retriable", retriable);
    g.writeEndObject();
  }
}
