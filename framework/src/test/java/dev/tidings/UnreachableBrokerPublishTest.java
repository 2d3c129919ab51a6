package dev.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Fixtures.Foo;
import dev.tidings.testkit.EmbeddedKafka;
import dev.tidings.testkit.TopicReader;
import dev.tidings.testkit.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * While the broker is unreachable, the producer blocks each send for {@code max.block.ms} waiting
 * for metadata. Publishing must not: after the first refused send, the publishes of the outage fail
 * without each blocking (here 300 of them would take 300 s one by one), and publishing works again
 * once the broker is back.
 */
class UnreachableBrokerPublishTest {
  private static final int DURING = 300;

  @Test
  void publishesDuringAnOutageFailPromptlyAndPublishingRecovers() throws Exception {
    try (EmbeddedKafka broker = EmbeddedKafka.start()) {
      ApplicationOptions options = ApplicationOptions.builder().kafkaServers(broker.bootstrapServers())
          .topicPrefix("outage.").producerSetting("max.block.ms", 1000).producerSetting("delivery.timeout.ms", 3000)
          .producerSetting("request.timeout.ms", 1000).shutdownTimeout(Duration.ofSeconds(5)).build();
      try (Application app = Application.create(options)) {
        app.mount(Fixtures.router());
        app.publish("orders", new Foo("before")).get(30, TimeUnit.SECONDS);
        broker.stop();

        List<CompletableFuture<PublishResult>> during = new ArrayList<>();
        for (int i = 0; i < DURING; i++) {
          during.add(app.publish("orders", new Foo("during-" + i)));
        }
        // Blocking once per record would need DURING seconds; promptly means a few max.block.ms.
        Wait.until(() -> during.stream().allMatch(CompletableFuture::isDone), Duration.ofSeconds(60),
            "every publish of the outage to be answered");
        for (CompletableFuture<PublishResult> f : during) {
          ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, f::get);
          PublishException p = assertInstanceOf(PublishException.class, e.getCause());
          assertTrue(p.isRetriable(), p.getMessage());
          assertTrue(p.getMessage().startsWith("publishing to outage.orders failed: "), p.getMessage());
        }

        broker.restart();
        Wait.until(() -> publishes(app, "after"), Duration.ofSeconds(60), "publishing to work again");
      }
      List<String> stored = new ArrayList<>();
      TopicReader.readToEnd(broker.bootstrapServers(), "outage.orders", Duration.ofSeconds(30))
          .forEach(r -> stored.add(new String(r.value(), StandardCharsets.UTF_8)));
      assertEquals(List.of("{\"schema\":\"Foo:1\",\"data\":{\"bar\":\"before\"}}",
          "{\"schema\":\"Foo:1\",\"data\":{\"bar\":\"after\"}}"), stored.stream().distinct().toList());
    }
  }

  private static boolean publishes(Application app, String bar) {
    try {
      app.publish("orders", new Foo(bar)).get(30, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException e) {
      return false;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
