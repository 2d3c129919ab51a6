package dev.tidings.internal.asyncapi;

import java.util.List;
import java.util.Set;

/**
 * What an AsyncAPI document describes, as plain data that both a running worker (from its {@code
 * Router} and options) and the annotation processor (from the annotations it compiled) can give.
 *
 * @param title the application's name
 * @param version the application's version
 * @param topicPrefix prepended to stream names to form topic names
 * @param servers the Kafka bootstrap servers ({@code host:port,...}), or {@code null} for a document
 *     without a {@code servers} section (the processor knows none)
 * @param securityProtocol the client's {@code security.protocol} ({@code null}: {@code PLAINTEXT})
 * @param saslMechanism the client's {@code sasl.mechanism}, or {@code null}
 * @param schemas the schemas, in any order
 * @param subscriptions the subscriptions, in any order
 */
public record AsyncApiInput(
    String title,
    String version,
    String topicPrefix,
    String servers,
    String securityProtocol,
    String saslMechanism,
    List<SchemaEntry> schemas,
    List<SubscriptionEntry> subscriptions) {

  public AsyncApiInput {
    topicPrefix = topicPrefix == null ? "" : topicPrefix;
    schemas = List.copyOf(schemas);
    subscriptions = List.copyOf(subscriptions);
  }

  /**
   * One schema.
   *
   * @param recordClass the binary name of its record class ({@code shop.Order$Line})
   * @param retention the retention of topics created for it (ISO-8601, {@code PT168H}), or {@code null}
   * @param streams the streams it declares, in order
   */
  public record SchemaEntry(
      String id, int version, String jsonSchema, String recordClass, String retention, List<String> streams) {
    public SchemaEntry {
      streams = List.copyOf(streams);
    }

    /** {@code id:version}. */
    public String key() {
      return id + ":" + version;
    }
  }

  /**
   * One subscription, with the delivery settings it runs with.
   *
   * @param pattern the glob it reads, or {@code null} for a list of streams
   * @param streams the streams it reads when it has no pattern
   * @param handled the keys ({@code id:version}) it has a handler, request handler or batch handler
   *     for
   * @param raw whether it has a raw handler, which takes any message
   * @param requests whether it has a request handler (its operation gets a reply)
   * @param replyTo the default reply stream, or {@code null}
   * @param failurePolicy the {@code FailurePolicy} constant ({@code RETRY}, ...)
   * @param ordering the {@code Ordering} constant ({@code PARTITION}, ...)
   * @param batchSize the batch size of a batch handler, {@code null} for none
   * @param share whether it runs on a Kafka share group
   * @param deadLetterStream its dead-letter stream, or {@code null} for {@code <stream>.dlt}
   */
  public record SubscriptionEntry(
      String group,
      String pattern,
      List<String> streams,
      Set<String> handled,
      boolean raw,
      boolean requests,
      String replyTo,
      String failurePolicy,
      int maxAttempts,
      int concurrency,
      String ordering,
      Integer batchSize,
      boolean share,
      String deadLetterStream) {
    public SubscriptionEntry {
      streams = streams == null ? List.of() : List.copyOf(streams);
      handled = Set.copyOf(handled);
    }
  }
}
