package dev.tidings.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.Router;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A partition moves to a new member while records of it are fetched and waiting in the old one:
 * the old owner commits, on revocation, exactly up to the last record it handled, and the new owner
 * starts exactly after it. Nothing is handled twice and nothing is skipped.
 */
@ExtendWith(KafkaExtension.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CommitOnRevokeTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int PER_PARTITION = 1_500; // on average: keys spread the records

  /** One handled record: who handled it, where. */
  private record Handled(String member, int partition, long offset) {}

  @Test
  void theNewOwnerStartsRightAfterTheLastHandledRecord(TestKafka kafka) throws Exception {
    String group = "revoke";
    // A long commit interval: what is committed at the hand-over comes from the revocation, not the timer.
    ApplicationOptions opts = ApplicationOptions.builder().kafkaServers(kafka.bootstrapServers())
        .topicPrefix(kafka.topicPrefix()).partitions(2).commitInterval(Duration.ofMinutes(5))
        .shutdownTimeout(Duration.ofSeconds(20)).build();
    List<Handled> handled = new ArrayList<>();
    try (Application publisher = Application.create(opts)) {
      publisher.mount(Msg.router());
      List<CompletableFuture<?>> sent = new ArrayList<>();
      for (int i = 0; i < 2 * PER_PARTITION; i++) {
        sent.add(publisher.publish("moving", new Msg(i, null),
            Integer.toString(i).getBytes(StandardCharsets.UTF_8)));
      }
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
    try (Application a = member(opts, group, "a", handled)) {
      String p0 = kafka.topic("moving") + "-0";
      String p1 = kafka.topic("moving") + "-1";
      Wait.until(() -> inFlight(a, p0) >= 100 && inFlight(a, p1) >= 100, WAIT,
          "member a to hold records of both partitions in flight (" + a.health() + ")");
      long inFlightAtMove = inFlight(a, p0) + inFlight(a, p1);
      try (Application b = member(opts, group, "b", handled)) {
        Wait.until(() -> count(handled, "b") > 0, WAIT, "member b to handle records of the partition it got");
        Wait.until(() -> count(handled, null) >= 2 * PER_PARTITION, WAIT, "every record to be handled");
      }
      List<Handled> all;
      synchronized (handled) {
        all = new ArrayList<>(handled);
      }
      int moved = 0;
      int total = 0;
      for (int partition = 0; partition < 2; partition++) {
        List<Handled> of = new ArrayList<>();
        for (Handled h : all) {
          if (h.partition() == partition) {
            of.add(h);
          }
        }
        for (int i = 0; i < of.size(); i++) {
          assertEquals(i, of.get(i).offset(), "partition " + partition + " handled in offset order, each record"
              + " once, the new owner right after the old: " + around(of, i));
        }
        total += of.size();
        for (int i = 1; i < of.size(); i++) {
          if (!of.get(i).member().equals(of.get(i - 1).member())) {
            moved++;
            System.out.println("partition " + partition + " moved from " + of.get(i - 1) + " to " + of.get(i));
          }
        }
      }
      assertEquals(2 * PER_PARTITION, total, "every record handled once");
      System.out.println("records in flight in member a when b joined: " + inFlightAtMove + ", hand-overs " + moved);
      assertTrue(moved >= 1, "a partition moved from a to b");
      assertTrue(inFlightAtMove > 0, "records were in flight when the partition moved");
    }
  }

  private static long inFlight(Application app, String partition) {
    return app.health().subscriptions().get(0).inFlight().getOrDefault(partition, 0L);
  }

  private static int count(List<Handled> handled, String member) {
    synchronized (handled) {
      return member == null ? handled.size() : (int) handled.stream().filter(h -> h.member().equals(member)).count();
    }
  }

  private static String around(List<Handled> of, int i) {
    return of.subList(Math.max(0, i - 2), Math.min(of.size(), i + 3)).toString();
  }

  private static Application member(ApplicationOptions opts, String group, String name, List<Handled> handled) {
    Router router = Msg.router();
    router.subscribe("moving", group).concurrency(2).on(Msg.class, (m, ctx) -> {
      LockSupport.parkNanos(2_000_000); // 2 ms a record: fetched records wait in flight
      synchronized (handled) {
        handled.add(new Handled(name, ctx.partition(), ctx.offset()));
      }
    });
    return Application.create(opts).mount(router).start();
  }
}
