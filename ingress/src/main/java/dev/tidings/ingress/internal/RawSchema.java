package dev.tidings.ingress.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import dev.tidings.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The JSON Schema of a raw route, compiled once from its file; thread-safe. */
final class RawSchema {
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .pathType(PathType.JSON_POINTER).formatAssertionsEnabled(true).build();

  private final JsonSchema schema;
  private final JsonNode document;

  private RawSchema(JsonSchema schema, JsonNode document) {
    this.schema = schema;
    this.document = document;
  }

  static RawSchema load(Path file) {
    try {
      JsonNode document = Json.MAPPER.readTree(Files.readAllBytes(file));
      SpecVersion.VersionFlag version = document.has("$schema")
          ? SpecVersionDetector.detect(document) : SpecVersion.VersionFlag.V202012;
      JsonSchema compiled = JsonSchemaFactory.getInstance(version).getSchema(document, CONFIG);
      compiled.initializeValidators();
      return new RawSchema(compiled, document);
    } catch (IOException | RuntimeException e) {
      throw new ConfigurationException("the JSON Schema " + file + " of a raw route cannot be used: "
          + e.getMessage() + "; give a readable JSON Schema document", e);
    }
  }

  /** The schema document, for the OpenAPI description. */
  JsonNode document() {
    return document;
  }

  /** Details of every violation, sorted by pointer; empty when valid. */
  List<ErrorBody.Detail> validate(JsonNode body) {
    Set<ValidationMessage> messages;
    try {
      messages = schema.validate(body);
    } catch (RuntimeException e) {
      return List.of(new ErrorBody.Detail("", "the validator cannot evaluate this body: " + e, "validator"));
    }
    List<ErrorBody.Detail> details = new ArrayList<>(messages.size());
    for (ValidationMessage m : messages) {
      String pointer = m.getInstanceLocation().toString();
      String text = m.getMessage();
      if (text.startsWith(pointer + ": ")) {
        text = text.substring(pointer.length() + 2);
      }
      details.add(new ErrorBody.Detail(pointer, text, m.getType()));
    }
    details.sort(Comparator.comparing(ErrorBody.Detail::pointer).thenComparing(ErrorBody.Detail::keyword));
    return details;
  }
}
