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
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/streams/{stream}}: one envelope, checked, published, answered 201 {@code
 * {"topic","partition","offset","timestamp"}} once the broker acknowledged.
 */
final class SingleEndpoint implements PostHandler {
  private final Application app;
  private final EnvelopeChecker checker;
  private final Acks acks;
  private final boolean authenticated;

  SingleEndpoint(Application app, EnvelopeChecker checker, Acks acks, boolean authenticated) {
    this.app = app;
    this.checker = checker;
    this.acks = acks;
    this.authenticated = authenticated;
  }

  @Override
  public CompletableFuture<HttpReply> handle(HttpPost post) {
    PostRequest request = (PostRequest) post;
    String stream = Streams.check(request.pathParameter("stream"));
    Outgoing out = Outgoing.of(request, authenticated);
    byte[] body = request.body();
    JsonNode envelope = Json.parse(body, 0, body.length, "the body");
    byte[] value = checker.check(stream, envelope, "");
    return acks.send(() -> app.rawPublish(stream, out.key(), value, out.headers()))
        .thenApply(r -> HttpReply.json(201, stored(r)));
  }

  /** {@code {"topic","partition","offset","timestamp"}}. */
  static byte[] stored(PublishResult r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(96);
    try (JsonGenerator g = ErrorBody.JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("topic", r.topic());
      g.writeNumberField("partition", r.partition());
      g.writeNumberField("offset", r.offset());
      g.writeNumberField("timestamp", r.timestamp());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
