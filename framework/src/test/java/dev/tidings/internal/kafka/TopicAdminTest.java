package dev.tidings.internal.kafka;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.ApplicationOptions;
import dev.tidings.PublishException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Regression: close() waited a fixed 5 s whenever a call to the cluster was still pending. */
class TopicAdminTest {

  @Test
  void closeDoesNotWaitForACreationThatCannotFinish() throws Exception {
    TopicAdmin admin = new TopicAdmin(ApplicationOptions.builder().kafkaServers("127.0.0.1:1") // nothing listens
        .build());
    CompletableFuture<Integer> pending = admin.ensure("never", null);
    long begin = System.nanoTime();
    admin.close();
    long millis = (System.nanoTime() - begin) / 1_000_000;
    assertTrue(millis < TopicAdmin.CLOSE_BOUND.toMillis() + 1_000, "close took " + millis + " ms");
    ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get());
    PublishException cause = assertInstanceOf(PublishException.class, e.getCause());
    assertTrue(cause.getMessage().startsWith("topic 'never' was not created: the application closed"),
        cause.getMessage());
    assertThrows(IllegalStateException.class, admin::admin, "no new client after close");
  }
}
