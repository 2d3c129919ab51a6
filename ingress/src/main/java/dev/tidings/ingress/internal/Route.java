package dev.tidings.ingress.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidings.ingress.HttpReply;
import dev.tidings.ingress.PostHandler;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One route of the server: a GET page or a POST handler on a path template, with the OpenAPI
 * operation that describes it.
 *
 * @param method {@code GET} (HEAD is served too) or {@code POST}
 * @param mediaTypes the request media types a POST accepts
 * @param operation the OpenAPI operation object, or {@code null} for a generated one
 */
public record Route(String method, PathTemplate template, Supplier<HttpReply> page, PostHandler post,
    Set<String> mediaTypes, ObjectNode operation) {

  /** A GET route. */
  public static Route get(String path, Supplier<HttpReply> page, ObjectNode operation) {
    return new Route("GET", PathTemplate.parse(path), page, null, Set.of(), operation);
  }

  /** A POST route. */
  public static Route post(String template, Set<String> mediaTypes, PostHandler handler, ObjectNode operation) {
    return new Route("POST", PathTemplate.parse(template), null, handler, Set.copyOf(mediaTypes), operation);
  }
}
