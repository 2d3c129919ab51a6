package dev.tidings.internal.asyncapi;

import dev.tidings.RequestHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Kafka headers Tidings reads and writes, as JSON Schemas of the AsyncAPI document. */
final class Headers {
  /** The headers of a dead letter, after {@code tidings.dlt.}. */
  private static final String[][] DEAD_LETTER = {
    {"topic", "the topic the record came from"},
    {"partition", "its partition"},
    {"offset", "its offset"},
    {"timestamp", "its timestamp, epoch milliseconds"},
    {"group", "the consumer group that failed"},
    {"reason", "why: the handler failed, or the input was poison (not JSON, not an envelope, unknown schema,"
        + " invalid data)"},
    {"exception.class", "the exception's class"},
    {"exception.message", "the exception's message"},
    {"exception.stacktrace", "the stack trace, truncated"},
    {"attempts", "how many attempts were made"},
    {"first-failure", "when the first attempt failed, ISO-8601"},
    {"last-failure", "when the last attempt failed, ISO-8601"},
  };

  private Headers() {}

  /** The headers any message may carry. */
  static Map<String, Object> schema() {
    Map<String, Object> schema = Tree.object();
    schema.put("type", "object");
    schema.put("description", "Kafka headers (UTF-8 strings). Handlers that publish through their Subscriber"
        + " copy the consumed record's headers, so trace context follows a chain of services.");
    Map<String, Object> properties = Tree.object(schema, "properties");
    header(properties, RequestHeaders.TRACEPARENT,
        "W3C Trace Context, propagated from the consumed message to what its handler publishes");
    header(properties, "tracestate", "W3C Trace Context vendor state, propagated like traceparent");
    header(properties, RequestHeaders.CORRELATION_ID,
        "ties a reply to its request; a reply carries the request's value unchanged");
    header(properties, RequestHeaders.REPLY_TO, "on a request: the stream (without topic prefix) the reply goes to");
    header(properties, "tidings.replayed-from",
        "set by 'worker dlt replay' on a republished dead letter: where it was replayed from");
    return schema;
  }

  /** The message of a dead-letter stream. */
  static Map<String, Object> deadLetterMessage() {
    Map<String, Object> message = Tree.object();
    message.put("name", "DeadLetter");
    message.put("title", "Dead letter");
    message.put("summary", "A record a handler could not process: its original key, value (unchanged, possibly"
        + " not JSON at all) and headers, with tidings.dlt.* headers describing the failure");
    Map<String, Object> headers = Tree.object(message, "headers");
    headers.put("type", "object");
    Map<String, Object> properties = Tree.object(headers, "properties");
    headers.put("required", new ArrayList<Object>(List.of("tidings.dlt.topic", "tidings.dlt.reason")));
    for (String[] header : DEAD_LETTER) {
      header(properties, "tidings.dlt." + header[0], header[1]);
    }
    Tree.object(message, "payload").put("description", "the original value, unchanged");
    return message;
  }

  private static void header(Map<String, Object> properties, String name, String description) {
    Map<String, Object> header = Tree.object(properties, name);
    header.put("type", "string");
    header.put("description", description);
  }
}
