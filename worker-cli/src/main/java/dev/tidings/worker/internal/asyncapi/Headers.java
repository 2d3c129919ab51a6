package dev.tidings.worker.internal.asyncapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidings.RequestHeaders;

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
  static ObjectNode schema() {
    ObjectNode schema = JsonNodeFactory.instance.objectNode();
    schema.put("type", "object");
    schema.put("description", "Kafka headers (UTF-8 strings). Handlers that publish through their Subscriber"
        + " copy the consumed record's headers, so trace context follows a chain of services.");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject(RequestHeaders.TRACEPARENT).put("type", "string").put("description",
        "W3C Trace Context, propagated from the consumed message to what its handler publishes");
    properties.putObject("tracestate").put("type", "string").put("description", "W3C Trace Context vendor state,"
        + " propagated like traceparent");
    properties.putObject(RequestHeaders.CORRELATION_ID).put("type", "string").put("description",
        "ties a reply to its request; a reply carries the request's value unchanged");
    properties.putObject(RequestHeaders.REPLY_TO).put("type", "string").put("description",
        "on a request: the stream (without topic prefix) the reply goes to");
    properties.putObject("tidings.replayed-from").put("type", "string").put("description",
        "set by 'worker dlt replay' on a republished dead letter: where it was replayed from");
    return schema;
  }

  /** The message of a dead-letter stream. */
  static ObjectNode deadLetterMessage() {
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    message.put("name", "DeadLetter");
    message.put("title", "Dead letter");
    message.put("summary", "A record a handler could not process: its original key, value (unchanged, possibly"
        + " not JSON at all) and headers, with tidings.dlt.* headers describing the failure");
    ObjectNode headers = message.putObject("headers");
    headers.put("type", "object");
    ObjectNode properties = headers.putObject("properties");
    headers.putArray("required").add("tidings.dlt.topic").add("tidings.dlt.reason");
    for (String[] header : DEAD_LETTER) {
      properties.putObject("tidings.dlt." + header[0]).put("type", "string").put("description", header[1]);
    }
    message.putObject("payload").put("description", "the original value, unchanged");
    return message;
  }
}
