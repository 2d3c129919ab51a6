package dev.tidings.ingress.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.Application;
import dev.tidings.PublishResult;
import dev.tidings.ingress.HttpPost;
import dev.tidings.ingress.HttpReply;
import dev.tidings.ingress.PostHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@code POST /v1/streams/{stream}/batch}: a JSON array (or NDJSON, one entry per line) of entries,
 * each an envelope or {@code {"key"|"keyBase64","headers":{...},"envelope":{...}}}. Each entry is
 * checked on its own; the valid ones are published, the invalid ones are not. The answer comes
 * when every published entry is acknowledged or timed out: 200 with per-entry results ({@code
 * success} or {@code partial_success}), 422 when every entry is invalid, 503 when no entry was
 * stored because Kafka did not answer.
 */
final class BatchEndpoint implements PostHandler {
  static final String NDJSON = "application/x-ndjson";

  private final Application app;
  private final EnvelopeChecker checker;
  private final Acks acks;
  private final boolean authenticated;
  private final int maxEntries;
  private final int retryAfterSeconds;

  BatchEndpoint(Application app, EnvelopeChecker checker, Acks acks, boolean authenticated, int maxEntries,
      int retryAfterSeconds) {
    this.app = app;
    this.checker = checker;
    this.acks = acks;
    this.authenticated = authenticated;
    this.maxEntries = maxEntries;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Override
  public CompletableFuture<HttpReply> handle(HttpPost post) {
    PostRequest request = (PostRequest) post;
    String stream = Streams.check(request.pathParameter("stream"));
    List<Object> entries = entries(request);
    if (entries.isEmpty()) {
      throw new HttpError(422, "empty_batch", "the batch has no entries: send at least one envelope");
    }
    List<Object> outcomes = new ArrayList<>(entries.size());
    List<Supplier<CompletableFuture<PublishResult>>> sends = new ArrayList<>();
    List<Integer> sentIndexes = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Object entry = entries.get(i);
      if (entry instanceof HttpError e) {
        outcomes.add(e);
        continue;
      }
      try {
        sends.add(prepare(stream, (JsonNode) entry, "/" + i, request));
        sentIndexes.add(i);
        outcomes.add(null);
      } catch (HttpError e) {
        outcomes.add(e);
      }
    }
    List<CompletableFuture<PublishResult>> acked = acks.sendAll(sends);
    List<CompletableFuture<Object>> all = new ArrayList<>(acked.size());
    for (int k = 0; k < acked.size(); k++) {
      int index = sentIndexes.get(k);
      all.add(acked.get(k).handle((r, error) -> {
        Object outcome = error == null ? r : acks.failure(error);
        synchronized (outcomes) {
          outcomes.set(index, outcome);
        }
        return outcome;
      }));
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenApply(done -> {
          synchronized (outcomes) {
            return answer(new ArrayList<>(outcomes));
          }
        });
  }

  /** Checks an entry; the call that publishes it. */
  private Supplier<CompletableFuture<PublishResult>> prepare(String stream, JsonNode entry, String at,
      PostRequest request) {
    JsonNode envelope = entry;
    byte[] key = null;
    Map<String, String> headers = new LinkedHashMap<>();
    if (entry.isObject() && entry.has("envelope")) {
      envelope = entry.get("envelope");
      for (var it = entry.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!f.equals("envelope") && !f.equals("key") && !f.equals("keyBase64") && !f.equals("headers")) {
          throw invalidEntry(at + "/" + f, "unknown member '" + f + "': an entry has key or keyBase64, headers"
              + " and envelope");
        }
      }
      key = Outgoing.key(text(entry, "key", at), text(entry, "keyBase64", at), "entry " + at);
      JsonNode h = entry.get("headers");
      if (h != null && !h.isNull()) {
        if (!h.isObject()) {
          throw invalidEntry(at + "/headers", "'headers' must be an object of strings");
        }
        for (Map.Entry<String, JsonNode> e : h.properties()) {
          if (!e.getValue().isTextual()) {
            throw invalidEntry(at + "/headers/" + e.getKey(), "header values must be strings");
          }
          headers.put(e.getKey(), e.getValue().asText());
        }
      }
      at = at + "/envelope";
    }
    byte[] value = checker.check(stream, envelope, at);
    Outgoing.common(headers, request, authenticated);
    byte[] k = key;
    return () -> app.rawPublish(stream, k, value, headers);
  }

  private static String text(JsonNode entry, String field, String at) {
    JsonNode v = entry.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw invalidEntry(at + "/" + field, "'" + field + "' must be a string");
    }
    return v.asText();
  }

  private static HttpError invalidEntry(String pointer, String why) {
    return new HttpError(422, "invalid_entry", why, List.of(new ErrorBody.Detail(pointer, why, "entry")), false,
        null);
  }

  /** The entries: parsed trees, or the error of an NDJSON line that is not JSON. */
  private List<Object> entries(PostRequest request) {
    byte[] body = request.body();
    List<Object> entries = new ArrayList<>();
    if (request.mediaType().equals(NDJSON)) {
      int start = 0;
      for (int i = 0; i <= body.length; i++) {
        if (i == body.length || body[i] == '\n') {
          int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
          if (!blank(body, start, end)) {
            checkCount(entries.size() + 1);
            try {
              entries.add(Json.parse(body, start, end - start, "line " + (entries.size() + 1)));
            } catch (HttpError e) {
              entries.add(e);
            }
          }
          start = i + 1;
        }
      }
      return entries;
    }
    JsonNode root = Json.parse(body, 0, body.length, "the body");
    if (!root.isArray()) {
      throw new HttpError(422, "not_batch", "a batch is a JSON array of envelopes (or NDJSON with Content-Type "
          + NDJSON + "), got " + root.getNodeType().toString().toLowerCase());
    }
    checkCount(root.size());
    root.forEach(entries::add);
    return entries;
  }

  private void checkCount(int count) {
    if (count > maxEntries) {
      throw new HttpError(413, "too_many_entries", "the batch has more than " + maxEntries
          + " entries, the limit: split it");
    }
  }

  private static boolean blank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
        return false;
      }
    }
    return true;
  }

  private HttpReply answer(List<Object> outcomes) {
    int ok = 0;
    int unavailable = 0;
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + outcomes.size() * 48);
    List<Object> results = new ArrayList<>(outcomes.size());
    for (Object o : outcomes) {
      results.add(o);
      if (o instanceof PublishResult) {
        ok++;
      } else if (((HttpError) o).status() == 503) {
        unavailable++;
      }
    }
    int failed = results.size() - ok;
    String status = failed == 0 ? "success" : ok == 0 ? "failure" : "partial_success";
    try (JsonGenerator g = ErrorBody.JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("status", status);
      g.writeObjectFieldStart("summary");
      g.writeNumberField("received", results.size());
      g.writeNumberField("successful", ok);
      g.writeNumberField("failed", failed);
      g.writeEndObject();
      g.writeArrayFieldStart("results");
      for (int i = 0; i < results.size(); i++) {
        g.writeStartObject();
        g.writeNumberField("index", i);
        if (results.get(i) instanceof PublishResult r) {
          g.writeNumberField("partition", r.partition());
          g.writeNumberField("offset", r.offset());
        } else {
          g.writeFieldName("error");
          ((HttpError) results.get(i)).writeInner(g);
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] body = out.toByteArray();
    if (ok == 0 && unavailable > 0) {
      return HttpReply.json(503, body).withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }
    return HttpReply.json(ok == 0 ? 422 : 200, body);
  }
}
