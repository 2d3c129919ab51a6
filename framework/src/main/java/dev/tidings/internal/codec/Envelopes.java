package dev.tidings.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Writes envelopes {@code {"schema":key,"data":...}} with the framework's one mapper. */
final class Envelopes {
  private Envelopes() {}

  /**
   * The envelope bytes with {@code data} a tree or a record (not validated here). Written into
   * Jackson's recycled buffers: one copy out, no growing stream.
   */
  static byte[] write(String schemaKey, Object data) {
    try {
      return Json.mapper().writeValueAsBytes(new EnvelopeValue(schemaKey, data));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write envelope of " + schemaKey, e);
    }
  }

  /** {@code {"schema":"<key>","data":}, as {@link #write} writes it before the data. */
  static byte[] prefix(String schemaKey) {
    byte[] empty = write(schemaKey, Json.mapper().createObjectNode());
    return Arrays.copyOf(empty, empty.length - "{}}".length());
  }

  /**
   * The envelope as a value Jackson serializes in place: a tree writes itself token by token, a
   * record goes through its cached serializer.
   */
  private static final class EnvelopeValue extends JsonSerializable.Base {
    private final String schemaKey;
    private final Object data;

    EnvelopeValue(String schemaKey, Object data) {
      this.schemaKey = schemaKey;
      this.data = data;
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject();
      gen.writeStringField("schema", schemaKey);
      gen.writeFieldName("data");
      if (data instanceof JsonNode tree) {
        tree.serialize(gen, provider);
      } else {
        provider.defaultSerializeValue(data, gen);
      }
      gen.writeEndObject();
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer)
        throws IOException {
      serialize(gen, provider);
    }
  }
}
