package dev.tidings.processor.internal;

import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports. Each starts with a stable id in brackets (the id is part
 * of the contract: tests and users' build logs refer to it) and says how to fix the problem.
 */
enum Message {
  SCHEMA_NOT_RECORD(
      "SchemaNotRecord",
      "@Schema applies to records, but %s is %s. Declare it as a record: record %s(...) {}"),
  SCHEMA_VISIBILITY(
      "SchemaVisibility",
      "@Schema record %s is %s, so the generated %s cannot refer to it. Make it package-private or"
          + " public (and every type it is nested in)."),
  SCHEMA_GENERIC(
      "SchemaGeneric",
      "@Schema record %s has type parameters <%s>; a schema describes one concrete shape. Remove the"
          + " type parameters, or declare one record per shape."),
  SCHEMA_COMPONENT_TYPE(
      "SchemaComponentType",
      "component %s of @Schema record %s has type %s, which has no JSON Schema mapping%s. Use String,"
          + " char, a number, boolean, an enum, a record, a java.time type (Instant, OffsetDateTime,"
          + " ZonedDateTime, LocalDate, LocalDateTime, LocalTime, OffsetTime, Duration), UUID, URI,"
          + " byte[], an array, List/Set/Collection, Map<String, V>, Optional, or JsonNode for"
          + " free-form JSON; or replace the derived schema with @Schema(resource = \"...\")."),
  SCHEMA_DUPLICATE(
      "SchemaDuplicate",
      "schema %s is declared by both %s and %s; id:version is unique in an application. Give one of"
          + " them another id or version."),
  SCHEMA_ID(
      "SchemaId",
      "schema id '%s' of %s is invalid: %s. Use a non-blank id without ':' (it separates id and"
          + " version on the wire), '/', '\\' or whitespace, or omit id to use the simple name %s."),
  SCHEMA_VERSION(
      "SchemaVersion",
      "schema %s of %s has version %d; versions start at 1. Use version = 1 or higher."),
  SCHEMA_RETENTION(
      "SchemaRetention",
      "schema %s has retention %d; retention is in seconds, and -1 (the default) keeps the broker's"
          + " default. Use -1, or 0 to %d seconds (e.g. 604800 for 7 days)."),
  SCHEMA_STREAMS(
      "SchemaStreams",
      "schema %s lists stream '%s', which %s. List each stream once, as a name of letters, digits,"
          + " '.', '_' or '-' of at most 249 characters."),
  SCHEMA_RESOURCE(
      "SchemaResource",
      "schema %s names resource '%s', which %s. Put the JSON Schema file at src/main/resources/%s"
          + " (resource is a path from the class-path root), or remove resource to derive the schema"
          + " from the record."),
  SCHEMA_GETTER(
      "SchemaGetter",
      "%s is a public getter of %s, so Jackson writes it as the property '%s', which the derived"
          + " schema of %s does not declare; derived schemas are closed (additionalProperties: false),"
          + " so every %s would be refused. Annotate the getter with @JsonIgnore, rename it so that it"
          + " is no getter (e.g. %s()), or replace the derived schema with @Schema(resource = \"...\")."),
  SCHEMA_CONSTRAINT(
      "SchemaConstraint",
      Diagnostic.Kind.WARNING,
      "@%s on component %s of %s constrains %s, but it applies to %s, so the schema cannot express"
          + " it and it is not enforced on the wire. Remove it, or put it on a component of a matching"
          + " type."),
  SUBSCRIBE_MODIFIERS(
      "SubscribeModifiers",
      "@Subscribe method %s is %s; a handler is an instance method that the generated registration"
          + " calls. Remove %s."),
  SUBSCRIBE_GENERIC(
      "SubscribeGeneric",
      "@Subscribe method %s has type parameters <%s>; the generated registration needs concrete"
          + " types. Remove the type parameters."),
  SUBSCRIBE_CLASS(
      "SubscribeClass",
      "@Subscribe method %s is declared in %s, which %s, so the generated %s cannot create an"
          + " instance. %s"),
  SUBSCRIBE_CONSTRUCTOR(
      "SubscribeConstructor",
      Diagnostic.Kind.NOTE,
      "%s has no non-private no-argument constructor (that throws no checked exception), so the"
          + " generated %s cannot create it. Give the router a factory before registering: new"
          + " Router().provide(%s.class, () -> new %s(...)).registerDiscovered(loader). Without one,"
          + " registering fails with a ConfigurationException."),
  SUBSCRIBE_NO_PAYLOAD(
      "SubscribePayload",
      "@Subscribe method %s takes (%s), which has no payload. A handler takes one payload (a @Schema"
          + " record, byte[], JsonNode, ConsumerRecord<byte[], byte[]>, or List of a @Schema record"
          + " for batches) and optionally Subscriber, MessageContext and Application. Add the"
          + " payload, e.g. void %s(OrderPlaced order)."),
  SUBSCRIBE_TWO_PAYLOADS(
      "SubscribePayload",
      "@Subscribe method %s takes two payloads, %s and %s; a handler takes exactly one. Write one"
          + " method per payload type (they may share pattern and group)."),
  SUBSCRIBE_PAYLOAD_TYPE(
      "SubscribePayload",
      "parameter %s of @Subscribe method %s has type %s, which is not a payload%s: a payload is a"
          + " @Schema record, byte[], JsonNode, ConsumerRecord<byte[], byte[]>, or a List of a"
          + " @Schema record for batches. %s"),
  SUBSCRIBE_PARAMETER(
      "SubscribeParameter",
      "@Subscribe method %s takes (%s); parameter %s of type %s is not supported. A handler takes"
          + " one payload (a @Schema record, byte[], JsonNode or ConsumerRecord<byte[], byte[]>) and"
          + " optionally Subscriber, MessageContext and Application. Remove the parameter, or reach"
          + " what it holds through MessageContext."),
  SUBSCRIBE_BATCH_PARAMETER(
      "SubscribeParameter",
      "@Subscribe method %s takes (%s); parameter %s of type %s is not supported by a batch handler."
          + " A batch handler takes List<R> of a @Schema record R and optionally"
          + " List<MessageContext> (one context per record). Remove the parameter."),
  SUBSCRIBE_PATTERN(
      "SubscribePattern",
      "@Subscribe pattern '%s' of %s is invalid: %s. A pattern is a stream name or an fnmatch glob"
          + " of letters, digits, '.', '_', '-' and the wildcards *, ? and [...], e.g."
          + " \"orders.*\"."),
  SUBSCRIBE_GROUP(
      "SubscribeGroup",
      "@Subscribe group '%s' of %s is invalid: %s. Give a non-blank group without surrounding"
          + " whitespace, or omit group to use the method name \"%s\"."),
  SUBSCRIBE_RETURN(
      "SubscribeReturn",
      "@Subscribe method %s returns %s, which is not a reply%s. A handler returns void, or answers"
          + " requests with a @Schema record, Optional<R> (empty: no reply) or CompletionStage<R> of a"
          + " @Schema record R. %s"),
  SUBSCRIBE_RETURN_PAYLOAD(
      "SubscribeReturn",
      "@Subscribe method %s returns %s but takes %s; only a handler of one @Schema record answers"
          + " requests (a raw or batch handler has no single request to answer). Take the request"
          + " record as the payload, or return void."),
  SUBSCRIBE_NO_REPLY_TO(
      "SubscribeReplyTo",
      Diagnostic.Kind.WARNING,
      "@Subscribe method %s returns %s but declares no replyTo, so a request without a"
          + " tidings.reply-to header (e.g. a plain publish) gets no reply; it is dropped and counted"
          + " as unroutable. Add replyTo = \"<stream>\" to its @Subscribe for such requests"
          + " (Application.request always sets the header)."),
  SUBSCRIBE_REPLY_TO_VOID(
      "SubscribeReplyTo",
      "@Subscribe method %s sets replyTo = \"%s\" but returns void, so it never replies. Return the"
          + " reply (a @Schema record, or an Optional or CompletionStage of one), or remove replyTo."),
  SUBSCRIBE_REPLY_TO_STREAM(
      "SubscribeReplyTo",
      "@Subscribe replyTo '%s' of %s is not a stream name: %s. Use letters, digits, '.', '_' and '-',"
          + " e.g. replyTo = \"results\"."),
  SUBSCRIBE_THROWS(
      "SubscribeThrows",
      "@Subscribe method %s declares throws %s; a handler may throw any Exception or Error, but no"
          + " other Throwable. Declare Exception (or something narrower)."),
  SUBSCRIBE_SETTINGS(
      "SubscribeSettings",
      "@Subscribe %s of %s is %d. Use a value of at least 1, or 0 (the default) for the runtime's"
          + " default."),
  SUBSCRIBE_BATCH_SIZE(
      "SubscribeSettings",
      "@Subscribe batchSize of %s is %d, but %s is not a batch handler. Remove batchSize, or take"
          + " a List<R> of a @Schema record R to handle batches."),
  SUBSCRIBE_BACKOFF(
      "SubscribeBackoff",
      "@Subscribe backoff of %s is invalid: %s. Give backoffMillis >= 0 and maxBackoffMillis >="
          + " backoffMillis, or -1 (the default) for the runtime's default (200 ms doubling up to 30 s)."),
  SUBSCRIBE_DEAD_LETTER(
      "SubscribeDeadLetter",
      "@Subscribe deadLetterStream '%s' of %s is invalid: %s. Name a stream the subscription does not"
          + " read, e.g. \"%s.failed\", or leave deadLetterStream empty for <stream>.dlt."),
  SUBSCRIBE_MODE_ORDERING(
      "SubscribeMode",
      "@Subscribe method %s has mode = SHARE and ordering = KEY; a share group keeps no order (any"
          + " consumer may take any record at any time). Remove ordering = KEY, or remove mode = SHARE"
          + " to keep per-key order in a classic consumer group."),
  SUBSCRIBE_MODE_BATCH(
      "SubscribeMode",
      "@Subscribe method %s has mode = SHARE but takes a List, a batch; a share group acknowledges"
          + " records one by one. Take one record, e.g. void %s(OrderPlaced order), or remove mode ="
          + " SHARE to handle batches in a classic consumer group."),
  SUBSCRIBE_CONFLICT(
      "SubscribeConflict",
      "@Subscribe method %s conflicts with %s: %s. %s"),
  WRITE_FAILED(
      "WriteFailed",
      "could not write %s for %s: %s. Check that the output directory is writable and that no other"
          + " processor writes the same file."),
  UNRESOLVED(
      "Unresolved",
      "%s could not be processed because type %s could not be resolved. Fix that type (misspelled,"
          + " not imported, missing from the class path, or meant to be generated by another"
          + " annotation processor that failed)."),
  PROCESSOR_ERROR(
      "ProcessorError",
      "the Tidings processor failed on %s with %s. This is a bug in tidings-processor; please report"
          + " it with this message and the code of %s.%s");

  private final String id;
  private final Diagnostic.Kind kind;
  private final String template;

  Message(String id, String template) {
    this(id, Diagnostic.Kind.ERROR, template);
  }

  Message(String id, Diagnostic.Kind kind, String template) {
    this.id = id;
    this.kind = kind;
    this.template = template;
  }

  /** The stable id, e.g. {@code SchemaNotRecord}. */
  String id() {
    return id;
  }

  Diagnostic.Kind kind() {
    return kind;
  }

  /** The full text: {@code [Id] } followed by the template filled with {@code args}. */
  String format(Object... args) {
    return "[" + id + "] " + String.format(Locale.ROOT, template, args);
  }
}
