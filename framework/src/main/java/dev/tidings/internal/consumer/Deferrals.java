package dev.tidings.internal.consumer;

import dev.tidings.MessageContext;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Lets a handler finish a record later: after {@link #completeWhen} the handler may return at once, its
 * lane goes on with the next record (of other keys, and of the same key), and the record counts as
 * finished, for the commit, only when the stage completes. A failed stage stops the subscription (the
 * record stays uncommitted). Used by modules of this project (the HTTP sink waits for the broker's
 * acknowledgement of what it published this way); not an API.
 */
public final class Deferrals {
  private Deferrals() {}

  /**
   * Defers the completion of {@code context}'s record to {@code stage}. For a context that is not the
   * engine's own (a test double), waits for the stage instead.
   *
   * @throws Exception the stage's failure, when it had to wait for it
   */
  public static void completeWhen(MessageContext context, CompletionStage<?> stage) throws Exception {
    if (context instanceof Delivery delivery) {
      delivery.defer(stage);
      return;
    }
    try {
      stage.toCompletableFuture().get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
