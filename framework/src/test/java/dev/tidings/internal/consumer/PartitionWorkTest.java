package dev.tidings.internal.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionWorkTest {
  /** A pool of one thread that runs its queue when told to, so the order is the test's. */
  private static final class ManualPool implements Executor {
    final ArrayDeque<Runnable> queue = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      queue.add(task);
    }

    void runAll() {
      Runnable task;
      while ((task = queue.poll()) != null) {
        task.run();
      }
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> records(String topic, int from, int count) {
    List<ConsumerRecord<byte[], byte[]>> list = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      list.add(new ConsumerRecord<>(topic, 0, i, null, new byte[0]));
    }
    return list;
  }

  @Test
  void partitionsSharingAThreadTakeTurnsEvenWhileOneIsFedFasterThanItIsHandled() {
    ManualPool pool = new ManualPool();
    List<String> handled = new ArrayList<>();
    PartitionWork[] hot = new PartitionWork[1];
    PartitionWork.Step step = (head, lane, work) -> {
      handled.add(head.get(0).topic());
      long offset = head.get(0).offset();
      if (head.get(0).topic().equals("hot") && offset < 2_000 && offset % 100 == 99) {
        hot[0].add(records("hot", (int) offset + 1_000 + 1, 100)); // fed while it is handled
      }
      return Next.done(head.size());
    };
    hot[0] = new PartitionWork(new TopicPartition("hot", 0), step, pool, null, true, 1, 1, e -> { }, () -> { });
    PartitionWork cold = new PartitionWork(new TopicPartition("cold", 0), step, pool, null, true, 1, 1, e -> { }, () -> { });
    hot[0].add(records("hot", 0, 1_000 + 1));
    cold.add(records("cold", 0, 1));
    for (int i = 0; i < 2 && !pool.queue.isEmpty(); i++) {
      pool.queue.poll().run();
    }
    int coldAt = handled.indexOf("cold");
    assertTrue(coldAt >= 0, "the cold partition's record waited behind the hot partition's stream");
    assertEquals(PartitionWork.SLICE, coldAt, "the hot lane yields after one slice");
    pool.runAll();
    assertEquals(0, hot[0].size());
    assertEquals(0, cold.size());
  }

  @Test
  void aDeferredRecordHoldsTheCommitUntilItsStageCompletesWhileTheLaneGoesOn() {
    ManualPool pool = new ManualPool();
    java.util.concurrent.CompletableFuture<Void> ack = new java.util.concurrent.CompletableFuture<>();
    List<Long> handled = new ArrayList<>();
    PartitionWork[] work = new PartitionWork[1];
    PartitionWork.Step step = (head, lane, w) -> {
      long offset = head.get(0).offset();
      handled.add(offset);
      if (offset == 1) {
        w.defer(offset, ack);
      }
      return Next.done(1);
    };
    work[0] = new PartitionWork(new TopicPartition("t", 0), step, pool, null, true, 1, 1, e -> { }, () -> { });
    work[0].add(records("t", 0, 4));
    pool.runAll();
    assertEquals(List.of(0L, 1L, 2L, 3L), handled, "the lane went on past the deferred record");
    assertEquals(1, work[0].committable(), "only offset 0 is committable while offset 1 waits");
    assertEquals(3, work[0].size());
    ack.complete(null);
    assertEquals(4, work[0].committable());
    assertEquals(0, work[0].size());
  }
}
