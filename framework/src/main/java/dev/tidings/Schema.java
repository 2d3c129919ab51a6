package dev.tidings;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a Java {@code record} as a message schema. The annotation processor derives a JSON Schema
 * (draft 2020-12) from the record's components and registers it, so that the record can be
 * published and handled.
 *
 * <pre>{@code
 * @Schema(id = "OrderCreated", version = 2, retention = 7 * 24 * 3600)
 * public record OrderCreated(String orderId, int quantity) {}
 * }</pre>
 *
 * <p>On the wire the record travels as {@code {"schema":"OrderCreated:2","data":{...}}}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Schema {
  /** The schema id; defaults to the record's simple name. */
  String id() default "";

  /** The schema version, at least 1. {@code id:version} is unique in an application. */
  int version() default 1;

  /**
   * How long the topics that carry this schema keep messages, in <b>seconds</b> (as in kafkaesk),
   * applied as {@code retention.ms} when Tidings creates a topic. {@code -1} (the default) leaves the
   * broker's default.
   */
  long retention() default -1;

  /** Streams (topic names without the prefix) to create at start-up for this schema. */
  String[] streams() default {};

  /**
   * A class-path resource holding a hand-written JSON Schema that replaces the derived one, e.g.
   * {@code "schemas/order-created.json"}. Empty (the default) means derive the schema.
   */
  String resource() default "";
}
