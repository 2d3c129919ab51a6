package dev.tidings.bench;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.Router;
import dev.tidings.Subscription;
import dev.tidings.SubscriptionMode;
import dev.tidings.internal.codec.EnvelopeCodec;
import dev.tidings.internal.kafka.ClientSettings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Queue subscriptions against a classic group on a topic with one partition and a handler that
 * sleeps 1 ms per record: a classic group handles one partition with one consumer however many
 * it runs, a share group with as many consumers as it has. Each trial is a new group reading the
 * whole pre-filled topic, timed from the first record handled to the last.
 */
final class QueueComparison {
  private static final long TIMEOUT_SECONDS = 180;
  private static final long HANDLER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  enum Variant {
    CLASSIC("classic group, concurrency 8", SubscriptionMode.CLASSIC, 8),
    SHARE_1("share group, 1 consumer", SubscriptionMode.SHARE, 1),
    SHARE_8("share group, 8 consumers", SubscriptionMode.SHARE, 8);

    final String label;
    final SubscriptionMode mode;
    final int consumers;

    Variant(String label, SubscriptionMode mode, int consumers) {
      this.label = label;
      this.mode = mode;
      this.consumers = consumers;
    }
  }

  private final Env env;
  private int groups;

  QueueComparison(Env env) {
    this.env = env;
  }

  String run() throws Exception {
    int rounds = env.settings.rounds(3);
    int n = env.settings.quick ? 1_000 : 4_000;
    Shape shape = Shape.SMALL;
    String stream = "queue-" + shape.label();
    String topic = env.createTopic(stream, 1);
    ApplicationOptions options = env.options().build();
    EnvelopeCodec codec = PublishComparison.codec();
    Record[] pool = shape.pool(1024, 11);
    try (Producer<byte[], byte[]> producer = new KafkaProducer<>(ClientSettings.producer(options))) {
      producer.send(new ProducerRecord<>(topic, 0, null, codec.encode(stream, pool[0], true))).get(60, TimeUnit.SECONDS);
      for (int i = 1; i < n; i++) {
        producer.send(new ProducerRecord<>(topic, 0, null, codec.encode(stream, pool[i & 1023], true)));
      }
      producer.flush();
    }
    Map<Variant, List<Double>> rates = new EnumMap<>(Variant.class);
    List<Double> shareRatios = new ArrayList<>();
    List<Double> classicRatios = new ArrayList<>();
    for (int round = -1; round < rounds; round++) {
      Map<Variant, Double> thisRound = new EnumMap<>(Variant.class);
      Variant[] order = Variant.values();
      for (int k = 0; k < order.length; k++) {
        Variant v = order[Math.floorMod(k + round, order.length)];
        double rate = trial(options, shape, stream, n, v);
        thisRound.put(v, rate);
        Harness.progress("queue %s round %s: %,.0f records/s", v,
            round < 0 ? "warm-up" : String.valueOf(round + 1), rate);
      }
      if (round >= 0) {
        thisRound.forEach((v, r) -> rates.computeIfAbsent(v, x -> new ArrayList<>()).add(r));
        shareRatios.add(thisRound.get(Variant.SHARE_8) / thisRound.get(Variant.SHARE_1));
        classicRatios.add(thisRound.get(Variant.SHARE_8) / thisRound.get(Variant.CLASSIC));
      }
    }
    Table table = new Table("Queue subscriptions, one partition, handler sleeping 1 ms (" + String.format("%,d", n)
            + " records per trial, " + rounds + " rounds, records/s)",
        Variant.CLASSIC.label, Variant.SHARE_1.label, Variant.SHARE_8.label, "8 share / 1 share",
        "8 share / classic");
    table.row(Stats.medianSpread(rates.get(Variant.CLASSIC)), Stats.medianSpread(rates.get(Variant.SHARE_1)),
        Stats.medianSpread(rates.get(Variant.SHARE_8)), Stats.ratioSpread(shareRatios),
        Stats.ratioSpread(classicRatios));
    table.note("One topic with one partition, pre-filled; each trial a new group in one application with Tidings'"
        + " defaults (share consumers: max.poll.records=100, share.acquire.mode=record_limit, explicit"
        + " acknowledgement). The handler parks its thread for 1 ms per record (LockSupport.parkNanos; on a loaded machine"
        + " the park takes longer, which the classic column shows: its ceiling is 1 / park time). The classic group runs concurrency 8, but one partition is handled by one thread in order.");
    return table.toString();
  }

  private double trial(ApplicationOptions options, Shape shape, String stream, int n, Variant v) throws Exception {
    Counter counter = new Counter(n);
    Router router = Env.router();
    Subscription subscription = router.subscribe(stream, "queue-" + v.name().toLowerCase() + "-" + (groups++))
        .concurrency(v.consumers).mode(v.mode);
    subscription.on(shape.type, (record, context) -> {
      LockSupport.parkNanos(HANDLER_NANOS);
      counter.hit(record);
    });
    try (Application app = Application.create(options)) {
      app.mount(router).start();
      counter.await(TIMEOUT_SECONDS, "the " + v.label);
    }
    return counter.rate();
  }
}
