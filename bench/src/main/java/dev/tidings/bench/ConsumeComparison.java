package dev.tidings.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.Handler;
import dev.tidings.Router;
import dev.tidings.Subscription;
import dev.tidings.internal.codec.EnvelopeCodec;
import dev.tidings.internal.kafka.ClientSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Consume throughput from a pre-filled topic: a Tidings subscription (decode, validate, bind,
 * dispatch, commit) against a raw {@link KafkaConsumer} loop with the same settings that reads the
 * same envelope into the same record with Jackson and commits the handled offsets on the same
 * interval. Each trial is a new consumer group reading the whole topic; it is timed from the first
 * record handled to the last, so joining the group is not counted.
 */
final class ConsumeComparison {
  private static final int POOL = 4096;
  private static final long TIMEOUT_SECONDS = 120;

  /**
   * {@code PROJECTED} is a projection: never paused, and a raw handler that binds with Jackson
   * and checks the record with a generated-style validator ({@link HandValidator}).
   * {@code TIDINGS_UNDECODED} is another diagnostic: unpaused, with a raw handler ({@code onAny}):
   * the engine parses the envelope to dispatch it, but nothing is validated or bound.
   * {@code TIDINGS_UNPAUSED} is a diagnostic: Tidings with {@code maxInFlight} so high that the
   * poll loop never pauses a partition, which separates the flow-control stall from the per-record cost.
   * {@code TIDINGS_NO_READER} is the default subscription with the schemas' generated readers
   * removed: the consume path as it was before readers (bind, check, rewrite and compare).
   */
  enum Variant { TIDINGS, TIDINGS_NO_READER, TIDINGS_UNPAUSED, TIDINGS_UNDECODED, PROJECTED, RAW }

  private static final int UNPAUSED_IN_FLIGHT = 1_000_000;

  private final Env env;
  private final ObjectMapper mapper = new ObjectMapper();
  private int groups;

  ConsumeComparison(Env env) {
    this.env = env;
  }

  String run() throws Exception {
    int rounds = env.settings.rounds(3);
    int n = env.settings.quick ? 40_000 : 300_000;
    Table table = new Table("Consume throughput (" + String.format("%,d", n) + " records per trial, "
            + rounds + " rounds, records/s)",
        "shape", "Tidings subscription", "raw consumer + Jackson", "Tidings / raw",
        "(r) Tidings without generated readers", "(r) / raw", "Tidings / (r)",
        "(a) Tidings, never paused", "(a) / raw", "(b) Tidings, never paused, raw handler", "(b) / raw",
        "(p) projected", "(p) / raw");
    ApplicationOptions options = env.options().build();
    EnvelopeCodec codec = PublishComparison.codec();
    for (Shape shape : env.settings.shapes) {
      String stream = "con-" + shape.label();
      String topic = env.createTopic(stream);
      Record[] pool = shape.pool(POOL, 7);
      try (Producer<byte[], byte[]> producer = new KafkaProducer<>(ClientSettings.producer(options))) {
        int sent = Env.warm(producer, topic, codec.encode(stream, pool[0], true));
        for (int i = sent; i < n; i++) {
          producer.send(new ProducerRecord<>(topic, codec.encode(stream, pool[i & (POOL - 1)], true)));
        }
        producer.flush();
      }
      long stored = env.records(topic);
      if (stored != n) {
        throw new IllegalStateException(topic + " holds " + stored + " records, expected " + n);
      }
      Map<Variant, List<Double>> rates = new HashMap<>();
      List<Double> ratios = new ArrayList<>();
      List<Double> unpausedRatios = new ArrayList<>();
      List<Double> undecodedRatios = new ArrayList<>();
      List<Double> projectedRatios = new ArrayList<>();
      List<Double> noReaderRatios = new ArrayList<>();
      List<Double> readerGains = new ArrayList<>();
      for (int round = -1; round < rounds; round++) {
        Map<Variant, Double> thisRound = new HashMap<>();
        Variant[] order = Variant.values();
        for (int k = 0; k < order.length; k++) {
          Variant v = order[Math.floorMod(k + round, order.length)];
          double rate = switch (v) {
            case RAW -> raw(options, shape, topic, n);
            case TIDINGS -> tidings(options, shape, stream, n, false, false);
            case TIDINGS_NO_READER -> tidings(options, shape, stream, n, false, false, false);
            case TIDINGS_UNPAUSED -> tidings(options, shape, stream, n, true, false);
            case TIDINGS_UNDECODED -> tidings(options, shape, stream, n, true, true);
            case PROJECTED -> projected(options, shape, stream, n);
          };
          thisRound.put(v, rate);
          Harness.progress("consume %s %s round %s: %,.0f records/s", shape.label(), v,
              round < 0 ? "warm-up" : String.valueOf(round + 1), rate);
        }
        if (round >= 0) {
          thisRound.forEach((v, r) -> rates.computeIfAbsent(v, x -> new ArrayList<>()).add(r));
          ratios.add(thisRound.get(Variant.TIDINGS) / thisRound.get(Variant.RAW));
          unpausedRatios.add(thisRound.get(Variant.TIDINGS_UNPAUSED) / thisRound.get(Variant.RAW));
          undecodedRatios.add(thisRound.get(Variant.TIDINGS_UNDECODED) / thisRound.get(Variant.RAW));
          projectedRatios.add(thisRound.get(Variant.PROJECTED) / thisRound.get(Variant.RAW));
          noReaderRatios.add(thisRound.get(Variant.TIDINGS_NO_READER) / thisRound.get(Variant.RAW));
          readerGains.add(thisRound.get(Variant.TIDINGS) / thisRound.get(Variant.TIDINGS_NO_READER));
        }
      }
      table.row(shape.label(), Stats.medianSpread(rates.get(Variant.TIDINGS)),
          Stats.medianSpread(rates.get(Variant.RAW)), Stats.ratioSpread(ratios),
          Stats.medianSpread(rates.get(Variant.TIDINGS_NO_READER)), Stats.ratioSpread(noReaderRatios),
          Stats.ratioSpread(readerGains),
          Stats.medianSpread(rates.get(Variant.TIDINGS_UNPAUSED)), Stats.ratioSpread(unpausedRatios),
          Stats.medianSpread(rates.get(Variant.TIDINGS_UNDECODED)), Stats.ratioSpread(undecodedRatios),
          Stats.medianSpread(rates.get(Variant.PROJECTED)), Stats.ratioSpread(projectedRatios));
    }
    table.note("Both sides use Tidings' consumer settings (max.poll.records=500, manual commits every 1 s);"
        + " Tidings runs its defaults (concurrency 1, maxInFlight 1,000, validation on), " + Env.PARTITIONS
        + " partitions. (r) is the same subscription with the schemas' generated readers removed (bind, check,"
        + " rewrite and compare, as before readers). Diagnostics: (a) raises maxInFlight to " + String.format("%,d", UNPAUSED_IN_FLIGHT)
        + " so that no partition is ever paused; (b) also replaces the typed handler by a raw one (onAny): the"
        + " engine still parses the envelope to dispatch it, but nothing is validated or bound. (p) is a projection, not Tidings"
        + " as it is: never paused, and a raw handler that binds with Jackson and checks the record with a"
        + " hand-written validator of the kind the processor could generate; the engine's dispatch parse still"
        + " runs, so (p) is pessimistic.");
    return table.toString();
  }

  /** A subscription on {@code stream} (the peer comparison calls it too); records/s. */
  double tidings(
      ApplicationOptions options, Shape shape, String stream, int n, boolean unpaused, boolean undecoded) throws Exception {
    return tidings(options, shape, stream, n, unpaused, undecoded, true);
  }

  private double tidings(
      ApplicationOptions options, Shape shape, String stream, int n, boolean unpaused, boolean undecoded,
      boolean readers) throws Exception {
    Counter counter = new Counter(n);
    Router router = readers ? Env.router() : Env.routerWithoutReaders();
    Handler<Object> handler = (record, context) -> counter.hit(record);
    Subscription subscription = router.subscribe(stream, "tidings-" + stream + "-" + (groups++));
    if (undecoded) {
      subscription.onAny(context -> counter.hit(context));
    } else {
      subscription.on(shape.type, handler);
    }
    if (unpaused) {
      subscription.maxInFlight(UNPAUSED_IN_FLIGHT);
    }
    try (Application app = Application.create(options)) {
      app.mount(router).start();
      counter.await(TIMEOUT_SECONDS, "the Tidings subscription");
    }
    return counter.rate();
  }

  private double projected(ApplicationOptions options, Shape shape, String stream, int n) throws Exception {
    Counter counter = new Counter(n);
    ObjectReader reader = mapper.readerFor(shape.wireType(mapper));
    Router router = Env.router();
    router.subscribe(stream, "projected-" + stream + "-" + (groups++))
        .maxInFlight(UNPAUSED_IN_FLIGHT)
        .onAny(context -> {
          Wire<?> wire = reader.readValue(context.value());
          if (!HandValidator.valid((Record) wire.data())) {
            throw new IllegalStateException("invalid " + wire);
          }
          counter.hit(wire.data());
        });
    try (Application app = Application.create(options)) {
      app.mount(router).start();
      counter.await(TIMEOUT_SECONDS, "the projected subscription");
    }
    return counter.rate();
  }

  /** The raw consumer loop on {@code topic} (the peer comparison calls it too); records/s. */
  double raw(ApplicationOptions options, Shape shape, String topic, int n) {
    Counter counter = new Counter(n);
    ObjectReader reader = mapper.readerFor(shape.wireType(mapper));
    long commitEvery = options.commitInterval().toNanos();
    long deadline = System.nanoTime() + TIMEOUT_SECONDS * 1_000_000_000L;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(ClientSettings.consumer(options, "raw-" + topic + "-" + (groups++)))) {
      consumer.subscribe(List.of(topic));
      Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
      long nextCommit = System.nanoTime() + commitEvery;
      while (!counter.done()) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("the raw consumer handled " + counter.count() + " of " + n + " records");
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
        for (TopicPartition tp : records.partitions()) {
          long last = -1;
          for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
            Wire<?> wire;
            try {
              wire = reader.readValue(record.value());
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            counter.hit(wire.data());
            last = record.offset();
          }
          handled.put(tp, new OffsetAndMetadata(last + 1));
        }
        long now = System.nanoTime();
        if (now - nextCommit >= 0 && !handled.isEmpty()) {
          consumer.commitAsync(new HashMap<>(handled), null);
          nextCommit = now + commitEvery;
        }
      }
      consumer.commitSync(handled);
    }
    return counter.rate();
  }
}
