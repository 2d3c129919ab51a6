package dev.tidings.processor.internal;

import dev.tidings.processor.internal.SubscribeModel.Handler;
import dev.tidings.processor.internal.SubscribeModel.Payload;
import dev.tidings.processor.internal.SubscribeModel.Settings;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;

/**
 * The subscriptions of the whole compilation, by group, so that conflicts the runtime would only
 * find at start-up are compile errors: a group with two patterns, two handlers of one record type in
 * one subscription, two raw handlers, a batch handler that is not alone, or settings that disagree.
 */
final class SubscriptionTable {
  private final Map<String, Seen> groups = new HashMap<>();

  /** What the compilation has declared for one group so far. */
  private static final class Seen {
    final String pattern;
    final String origin;
    final Map<String, String> payloads = new HashMap<>();
    String raw;
    String batch;
    final Map<String, String[]> settings = new HashMap<>();

    Seen(String pattern, String origin) {
      this.pattern = pattern;
      this.origin = origin;
    }
  }

  /** Records the method's place in its subscription, or returns why it conflicts. */
  Problem claim(
      TypeElement type, ExecutableElement method, AnnotationMirror mirror, Handler handler, Settings s) {
    String name = SubscribeMethods.describe(type, method);
    Seen seen = groups.get(s.group());
    String where = "subscription '" + s.pattern() + "' (group " + s.group() + ")";
    if (seen == null) {
      seen = new Seen(s.pattern(), name);
    } else if (!seen.pattern.equals(s.pattern())) {
      return conflict(method, mirror, name, seen.origin,
          "group " + s.group() + " already subscribes to '" + seen.pattern + "', and a group has one"
              + " subscription",
          "Give one of them another group.");
    }
    String payloadKey = handler.payload() == Payload.RECORD || handler.payload() == Payload.BATCH
        ? ((TypeElement) ((DeclaredType) handler.payloadType()).asElement()).getQualifiedName().toString()
        : null;
    if (payloadKey != null && seen.payloads.containsKey(payloadKey)) {
      return conflict(method, mirror, name, seen.payloads.get(payloadKey),
          "both handle " + TypeNames.simple(handler.payloadType()) + " in " + where,
          "Merge the two methods, or give one of them another group.");
    }
    boolean batch = handler.payload() == Payload.BATCH;
    if (seen.batch != null || (batch && (!seen.payloads.isEmpty() || seen.raw != null))) {
      String other = seen.batch != null ? seen.batch
          : !seen.payloads.isEmpty() ? seen.payloads.values().iterator().next() : seen.raw;
      return conflict(method, mirror, name, other,
          "a batch handler must be the only handler of its " + where,
          "Give one of them another group.");
    }
    if (payloadKey == null && seen.raw != null) {
      return conflict(method, mirror, name, seen.raw,
          "both take raw messages (byte[], JsonNode or ConsumerRecord) in " + where
              + ", which has one raw handler",
          "Merge the two methods, or give one of them another group.");
    }
    Map<String, String> given = new LinkedHashMap<>();
    given.put("onFailure", s.failurePolicy());
    given.put("maxAttempts", s.maxAttempts() == null ? null : s.maxAttempts().toString());
    given.put("concurrency", s.concurrency() == null ? null : s.concurrency().toString());
    given.put("ordering", s.ordering());
    given.put("timeoutMillis", s.timeoutMillis() == null ? null : s.timeoutMillis().toString());
    given.put("batchSize", s.batchSize() == null ? null : s.batchSize().toString());
    given.put("replyTo", s.replyTo());
    SubscribeModel.Delivery d = s.delivery();
    given.put("backoffMillis", d.backoffMillis() == null ? null : d.backoffMillis().toString());
    given.put("maxBackoffMillis", d.maxBackoffMillis() == null ? null : d.maxBackoffMillis().toString());
    given.put("noRetryFor", d.noRetryFor().isEmpty() ? null : String.join(", ", d.noRetryFor()));
    given.put("maxInFlight", d.maxInFlight() == null ? null : d.maxInFlight().toString());
    given.put("deadLetterStream", d.deadLetterStream());
    given.put("mode", s.mode());
    for (Map.Entry<String, String> e : given.entrySet()) {
      String[] earlier = seen.settings.get(e.getKey());
      if (e.getValue() != null && earlier != null && !Objects.equals(earlier[0], e.getValue())) {
        return conflict(method, mirror, name, earlier[1],
            "it sets " + e.getKey() + " = " + e.getValue() + " and " + earlier[1] + " sets "
                + e.getKey() + " = " + earlier[0] + " for the same " + where,
            "Set it on one method only, or to the same value.");
      }
    }
    groups.putIfAbsent(s.group(), seen);
    if (batch) {
      seen.batch = name;
    } else if (payloadKey != null) {
      seen.payloads.put(payloadKey, name);
    } else {
      seen.raw = name;
    }
    for (Map.Entry<String, String> e : given.entrySet()) {
      if (e.getValue() != null) {
        seen.settings.putIfAbsent(e.getKey(), new String[] {e.getValue(), name});
      }
    }
    return null;
  }

  private static Problem conflict(
      ExecutableElement method, AnnotationMirror mirror, String name, String other, String why, String fix) {
    return Problem.at(Message.SUBSCRIBE_CONFLICT, method, mirror, null, name, other, why, fix);
  }
}
