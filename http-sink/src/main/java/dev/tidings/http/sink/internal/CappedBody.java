package dev.tidings.http.sink.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body subscriber that keeps at most {@code max} bytes: once more arrive it cancels the body (the
 * connection is then not reused) and completes with what it has, marked truncated.
 */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Captured> {
  /** The kept bytes, and whether more were there. */
  record Captured(byte[] bytes, boolean truncated) {}

  private final int max;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final CompletableFuture<Captured> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  CappedBody(int max) {
    this.max = max;
  }

  static HttpResponse.BodyHandler<Captured> handler(int max) {
    return info -> new CappedBody(max);
  }

  @Override
  public CompletionStage<Captured> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    this.subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      int room = max - out.size();
      int n = b.remaining();
      if (n > room) {
        byte[] part = new byte[room];
        b.get(part);
        out.write(part, 0, room);
        result.complete(new Captured(out.toByteArray(), true));
        subscription.cancel();
        return;
      }
      byte[] all = new byte[n];
      b.get(all);
      out.write(all, 0, n);
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(new Captured(out.toByteArray(), false));
  }
}
