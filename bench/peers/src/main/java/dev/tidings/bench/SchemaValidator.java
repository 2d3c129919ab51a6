package dev.tidings.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * What a Spring Kafka user hand-writes to check payloads against a JSON Schema: a Spring {@link
 * Validator} that the listener endpoint registrar applies to every {@code @Validated} payload,
 * checking the bound envelope's data with networknt against the JSON Schema Tidings uses for the
 * same record (the processor's derived schema, compiled with Tidings' own validator settings).
 *
 * <p>Spring hands the validator the bound object, not the bytes: the record goes back to a tree
 * ({@code valueToTree}) for networknt, and the envelope's {@code schema} field is compared with the
 * expected {@code id:version}, as Tidings dispatches on it.
 */
final class SchemaValidator implements Validator {
  private final ObjectMapper mapper = new ObjectMapper();
  private final String key;
  private final JsonSchema schema;
  /** Payloads validated; written and read on the listener's thread, or after the trial. */
  private long validations;

  SchemaValidator(Shape shape) {
    this.key = shape.key();
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
        .pathType(PathType.JSON_POINTER)
        .formatAssertionsEnabled(true)
        .build();
    try {
      this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(mapper.readTree(shape.jsonSchema()), config);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    schema.initializeValidators();
  }

  @Override
  public boolean supports(Class<?> type) {
    return Wire.class.isAssignableFrom(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    validations++;
    Wire<?> wire = (Wire<?>) target;
    if (!key.equals(wire.schema())) {
      errors.reject("schema", "schema " + wire.schema() + ", expected " + key);
      return;
    }
    Set<ValidationMessage> violations = schema.validate(mapper.valueToTree(wire.data()));
    for (ValidationMessage violation : violations) {
      errors.reject("jsonSchema", violation.getMessage());
    }
  }

  /** The payloads validated so far. */
  long validations() {
    return validations;
  }
}
