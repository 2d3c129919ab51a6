package dev.tidings.ingress;

import java.util.concurrent.CompletableFuture;

/**
 * Answers POST requests of a route added with {@link TidingsHttpServer.Builder#post}. The
 * returned future may complete later, on any thread (e.g. when the broker acknowledged); the server
 * holds no thread meanwhile. A handler that throws, or whose future fails, is answered with 503 and
 * logged: report bad input as a 4xx {@link HttpReply} instead.
 */
@FunctionalInterface
public interface PostHandler {
  CompletableFuture<HttpReply> handle(HttpPost request);
}
