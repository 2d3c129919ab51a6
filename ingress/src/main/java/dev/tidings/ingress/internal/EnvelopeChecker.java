package dev.tidings.ingress.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.SchemaValidationException.Violation;
import dev.tidings.internal.codec.CompiledSchema;
import dev.tidings.internal.codec.EnvelopeCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an envelope as {@code Application.publishEnvelope} does (shape, a registered schema, data
 * against its JSON Schema) and, in addition, that the schema is allowed on the stream; returns the
 * compact envelope bytes to send. Errors are 422 with JSON pointers into the request body.
 */
final class EnvelopeChecker {
  private static final int MAX_DETAILS = 100;

  private final EnvelopeCodec codec;
  private final Map<String, Set<String>> allowed;

  EnvelopeChecker(EnvelopeCodec codec, Map<String, Set<String>> allowed) {
    this.codec = codec;
    this.allowed = allowed;
  }

  /**
   * The envelope bytes.
   *
   * @param at the JSON pointer of {@code envelope} in the request body ({@code ""} for the body)
   * @throws HttpError 422 {@code not_envelope}, {@code unknown_schema}, {@code schema_not_allowed},
   *     {@code invalid_data}
   */
  byte[] check(String stream, JsonNode envelope, String at) {
    if (!envelope.isObject()) {
      throw notEnvelope(at, "got " + envelope.getNodeType().toString().toLowerCase());
    }
    JsonNode schema = envelope.get("schema");
    JsonNode data = envelope.get("data");
    if (schema == null || !schema.isTextual()) {
      throw notEnvelope(at + "/schema", "the member 'schema' is " + (schema == null ? "missing" : "not a string"));
    }
    if (data == null) {
      throw notEnvelope(at + "/data", "the member 'data' is missing");
    }
    if (envelope.size() > 2) {
      List<String> extra = new ArrayList<>();
      envelope.fieldNames().forEachRemaining(f -> {
        if (!f.equals("schema") && !f.equals("data")) {
          extra.add(f);
        }
      });
      throw notEnvelope(at, "it has members besides 'schema' and 'data': " + extra
          + " (metadata travels in headers, e.g. Tidings-Key, Tidings-Header-<name>)");
    }
    String key = schema.asText();
    CompiledSchema compiled = codec.registry().byKey(key);
    if (compiled == null) {
      throw new HttpError(422, "unknown_schema", "schema '" + key + "' is not registered in this application;"
          + " known: " + codec.registry().definitions().keySet(),
          List.of(new ErrorBody.Detail(at + "/schema", "unknown schema " + key, "schema")), false, null);
    }
    Set<String> permitted = allowed.get(stream);
    if (permitted != null && !permitted.contains(key)) {
      throw new HttpError(422, "schema_not_allowed", "schema '" + key + "' is not allowed on stream '" + stream
          + "'; allowed: " + permitted,
          List.of(new ErrorBody.Detail(at + "/schema", "not allowed on " + stream, "schema")), false, null);
    }
    List<Violation> violations = compiled.validate(data);
    if (!violations.isEmpty()) {
      List<ErrorBody.Detail> details = new ArrayList<>();
      for (Violation v : violations) {
        if (details.size() == MAX_DETAILS) {
          break;
        }
        details.add(new ErrorBody.Detail(at + "/data" + v.pointer(), v.message(), v.rule()));
      }
      Violation first = violations.get(0);
      throw new HttpError(422, "invalid_data", "data does not match schema " + key + ": "
          + violations.size() + " violation(s), first at " + at + "/data" + first.pointer() + ": " + first.message()
          + " [" + first.rule() + "]", details, false, null);
    }
    return codec.write(key, data);
  }

  private static HttpError notEnvelope(String pointer, String why) {
    return new HttpError(422, "not_envelope", "not an envelope: " + why
        + "; send {\"schema\":\"Name:1\",\"data\":{...}}",
        List.of(new ErrorBody.Detail(pointer, why, "envelope")), false, null);
  }
}
