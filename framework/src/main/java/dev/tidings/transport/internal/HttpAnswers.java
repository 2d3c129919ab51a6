package dev.tidings.transport.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.PublishException;
import dev.tidings.internal.codec.Json;
import dev.tidings.transport.Delivery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reading the ingress's answers: where a message was stored, or why it was refused. */
final class HttpAnswers {
  private HttpAnswers() {}

  static JsonNode json(byte[] body) {
    try {
      return body == null || body.length == 0 ? null : Json.mapper().readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  /** A 2xx answer to one message: {@code {"topic","partition","offset"}}. */
  static Delivery stored(String stream, int status, byte[] body) {
    JsonNode node = json(body);
    if (node == null || !node.isObject()) {
      return new Delivery("http", stream, -1, -1, status);
    }
    return new Delivery("http", node.path("topic").asText(stream), node.path("partition").asInt(-1),
        node.path("offset").asLong(-1), status);
  }

  /** A refusal: status, the error's code and message and the first details. */
  static PublishException refused(String what, int status, byte[] body) {
    JsonNode error = json(body);
    error = error == null ? null : error.path("error");
    boolean retriable = HttpExchange.retriableStatus(status) || status >= 500;
    StringBuilder text = new StringBuilder(what).append(": HTTP ").append(status);
    if (error != null && error.isObject()) {
      text.append(' ').append(error.path("code").asText("")).append(": ").append(error.path("message").asText(""));
      JsonNode details = error.path("details");
      for (int i = 0; i < Math.min(3, details.size()); i++) {
        JsonNode d = details.get(i);
        text.append(i == 0 ? " (" : "; ").append(d.path("pointer").asText("")).append(": ")
            .append(d.path("message").asText(""));
      }
      if (details.size() > 0) {
        text.append(')');
      }
      if (error.has("retriable")) {
        retriable = error.path("retriable").asBoolean(retriable);
      }
    } else if (body != null && body.length > 0) {
      String raw = new String(body, StandardCharsets.UTF_8);
      text.append(": ").append(raw.length() > 200 ? raw.substring(0, 200) + "..." : raw);
    }
    if (HttpExchange.retriableStatus(status)) {
      text.append(" (no attempts left)");
    }
    return new PublishException(text.toString(), retriable, null);
  }

  /** One entry's error in a batch answer. */
  static PublishException entryRefused(String what, JsonNode error) {
    StringBuilder text = new StringBuilder(what).append(": ").append(error.path("code").asText("")).append(": ")
        .append(error.path("message").asText(""));
    JsonNode details = error.path("details");
    for (int i = 0; i < Math.min(3, details.size()); i++) {
      JsonNode d = details.get(i);
      text.append(i == 0 ? " (" : "; ").append(d.path("pointer").asText("")).append(": ")
          .append(d.path("message").asText(""));
    }
    if (details.size() > 0) {
      text.append(')');
    }
    return new PublishException(text.toString(), error.path("retriable").asBoolean(false), null);
  }
}
