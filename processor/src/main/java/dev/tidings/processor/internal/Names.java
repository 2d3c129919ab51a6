package dev.tidings.processor.internal;

import java.util.List;

/**
 * The names of the types the processor looks for or generates code against. The processor never
 * loads these classes: it compares names, so it depends on nothing of the framework.
 */
final class Names {
  private Names() {}

  static final String PROCESSOR = "dev.tidings.processor.TidingsProcessor";

  // The framework's API (package dev.tidings).
  static final String SCHEMA = "dev.tidings.Schema";
  static final String SUBSCRIBE = "dev.tidings.Subscribe";
  static final String REGISTRATION = "dev.tidings.Registration";
  static final String ROUTER = "dev.tidings.Router";
  static final String SCHEMA_DEFINITION = "dev.tidings.SchemaDefinition";
  static final String SUBSCRIBER = "dev.tidings.Subscriber";
  static final String MESSAGE_CONTEXT = "dev.tidings.MessageContext";
  static final String APPLICATION = "dev.tidings.Application";
  static final String FAILURE_POLICY = "dev.tidings.FailurePolicy";
  static final String ORDERING = "dev.tidings.Ordering";
  static final String SUBSCRIPTION_MODE = "dev.tidings.SubscriptionMode";
  static final String CONFIGURATION_EXCEPTION = "dev.tidings.ConfigurationException";
  static final String RECORD_READER = "dev.tidings.RecordReader";
  static final String READER_SUPPORT = "dev.tidings.ReaderSupport";

  // Jackson's streaming API, which generated readers read with.
  static final String JSON_PARSER = "com.fasterxml.jackson.core.JsonParser";
  static final String JSON_TOKEN = "com.fasterxml.jackson.core.JsonToken";

  // Raw payloads a handler may take instead of a @Schema record.
  static final String JSON_NODE = "com.fasterxml.jackson.databind.JsonNode";
  static final String CONSUMER_RECORD = "org.apache.kafka.clients.consumer.ConsumerRecord";

  /** Renames a record component on the wire; honoured so the schema matches what Jackson writes. */
  static final String JSON_PROPERTY = "com.fasterxml.jackson.annotation.JsonProperty";

  /**
   * Packages whose constraint annotations shape the derived schema, matched by simple name ({@code
   * Min}, {@code Max}, {@code Size}, {@code Pattern}, {@code NotBlank}, ...; see {@link
   * Constraints}). Adding a package with annotations of the same names and elements is all it takes
   * to support it.
   */
  static final List<String> CONSTRAINT_PACKAGES =
      List.of("dev.tidings.constraints", "jakarta.validation.constraints", "javax.validation.constraints");

  /** An annotation with this simple name, from any package, makes a component nullable. */
  static final String NULLABLE_SIMPLE_NAME = "Nullable";

  static final String GENERATED = "javax.annotation.processing.Generated";

  static final String SERVICES_FILE = "META-INF/services/" + REGISTRATION;
  static final String SCHEMA_DIRECTORY = "META-INF/tidings/schemas/";

  /** Suffixes of generated classes: {@code <Type>_<Role>}. */
  static final String SCHEMA_ROLE = "Schema";

  static final String SUBSCRIPTIONS_ROLE = "Subscriptions";

  static final String READER_ROLE = "Reader";
}
