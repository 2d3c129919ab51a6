package dev.tidings.ingress.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.Application;
import dev.tidings.ingress.HttpPost;
import dev.tidings.ingress.HttpReply;
import dev.tidings.ingress.PostHandler;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A raw route: plain JSON validated against the route's schema, forwarded byte for byte (after
 * inflating gzip) to the route's stream with the key its rule derives, answered 201 like a single
 * envelope.
 */
public final class RawEndpoint implements PostHandler {
  private final Application app;
  private final String stream;
  private final RawSchema schema;
  private final Function<JsonNode, byte[]> key;
  private final Acks acks;
  private final boolean authenticated;

  RawEndpoint(Application app, String stream, RawSchema schema, Function<JsonNode, byte[]> key, Acks acks,
      boolean authenticated) {
    this.app = app;
    this.stream = Streams.check(stream);
    this.schema = schema;
    this.key = key;
    this.acks = acks;
    this.authenticated = authenticated;
  }

  /** The stream it publishes to. */
  public String stream() {
    return stream;
  }

  /** The schema document, for the OpenAPI description. */
  JsonNode schemaDocument() {
    return schema.document();
  }

  static RawSchema schema(Path file) {
    return RawSchema.load(file);
  }

  @Override
  public CompletableFuture<HttpReply> handle(HttpPost post) {
    PostRequest request = (PostRequest) post;
    if (!request.principal().mayPublishTo(stream)) {
      throw new HttpError(403, "forbidden", "principal '" + request.principal().name()
          + "' may not publish to stream '" + stream + "' (the target of " + request.path() + "); it may publish to "
          + request.principal().streams());
    }
    byte[] body = request.body();
    JsonNode tree = Json.parse(body, 0, body.length, "the body");
    List<ErrorBody.Detail> details = schema.validate(tree);
    if (!details.isEmpty()) {
      ErrorBody.Detail first = details.get(0);
      throw new HttpError(422, "invalid_data", "the body does not match the schema of " + request.path() + ": "
          + details.size() + " violation(s), first at " + first.pointer() + ": " + first.message() + " ["
          + first.keyword() + "]", details.size() > 100 ? details.subList(0, 100) : details, false, null);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Outgoing.common(headers, request, authenticated);
    byte[] k = key.apply(tree);
    return acks.send(() -> app.rawPublish(stream, k, body, headers))
        .thenApply(r -> HttpReply.json(201, SingleEndpoint.stored(r)));
  }
}
