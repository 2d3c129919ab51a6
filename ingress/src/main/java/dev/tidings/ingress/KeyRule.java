package dev.tidings.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** How a {@link RawRoute} derives the Kafka key from the JSON body it forwards. */
public final class KeyRule {
  private final String description;
  private final Function<JsonNode, String> rule;

  private KeyRule(String description, Function<JsonNode, String> rule) {
    this.description = description;
    this.rule = rule;
  }

  /** No key. */
  public static KeyRule none() {
    return new KeyRule("none", body -> null);
  }

  /** The text of the value at a JSON pointer (e.g. {@code /order/id}); no key when it is absent. */
  public static KeyRule pointer(String jsonPointer) {
    com.fasterxml.jackson.core.JsonPointer p = com.fasterxml.jackson.core.JsonPointer.compile(jsonPointer);
    return new KeyRule("pointer " + jsonPointer, body -> {
      JsonNode v = body.at(p);
      return v.isMissingNode() || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    });
  }

  /**
   * As OpenLineage's Kafka transport keys events: a run event by {@code run:<namespace>/<name>} of
   * {@code run.facets.parent.root.job}, else {@code run.facets.parent.job}, else {@code job}; a
   * dataset event by {@code dataset:<namespace>/<name>}; a job event by {@code
   * job:<namespace>/<name>}.
   */
  public static KeyRule openLineage() {
    return new KeyRule("openlineage", KeyRule::openLineageKey);
  }

  private static String openLineageKey(JsonNode body) {
    if (body.has("run")) {
      JsonNode parent = body.at("/run/facets/parent");
      for (JsonNode job : new JsonNode[] {parent.at("/root/job"), parent.at("/job"), body.path("job")}) {
        if (job.hasNonNull("namespace") && job.hasNonNull("name")) {
          return "run:" + job.get("namespace").asText() + "/" + job.get("name").asText();
        }
      }
      return null;
    }
    JsonNode dataset = body.path("dataset");
    if (dataset.hasNonNull("namespace") && dataset.hasNonNull("name")) {
      return "dataset:" + dataset.get("namespace").asText() + "/" + dataset.get("name").asText();
    }
    JsonNode job = body.path("job");
    if (job.hasNonNull("namespace") && job.hasNonNull("name")) {
      return "job:" + job.get("namespace").asText() + "/" + job.get("name").asText();
    }
    return null;
  }

  /** The key of a body, or {@code null}. */
  byte[] keyOf(JsonNode body) {
    String key = rule.apply(body);
    return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return description;
  }
}
