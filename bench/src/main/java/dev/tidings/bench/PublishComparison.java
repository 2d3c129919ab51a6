package dev.tidings.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.internal.codec.EnvelopeCodec;
import dev.tidings.internal.codec.SchemaRegistry;
import dev.tidings.internal.kafka.ClientSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publish throughput: {@code Application.publish} (serialize, validate, envelope, send) against a
 * raw {@link KafkaProducer} with the same settings that serializes the same record into the same
 * bytes with Jackson inside its send loop (the fair baseline), and against the raw producer sending
 * pre-serialized bytes (the ceiling). Each trial sends N records and ends when the producer has
 * been answered for all of them ({@code flush()}).
 */
final class PublishComparison {
  private static final int POOL = 4096;

  enum Variant {
    TIDINGS("Tidings `publish`"),
    JACKSON("raw producer + Jackson in the loop"),
    BYTES("raw producer, pre-serialized (ceiling)"),
    /**
     * A projection, not a measurement of Tidings as it is: what {@code publish} would cost with a
     * validator generated at compile time ({@link HandValidator}) and Jackson writing the envelope
     * straight from the record, handed to Tidings' own publisher ({@code rawPublish}).
     */
    PROJECTED("projected: generated-style validator + Jackson + Tidings' publisher");

    final String label;

    Variant(String label) {
      this.label = label;
    }
  }

  private final Env env;
  private final ObjectMapper mapper = new ObjectMapper();

  PublishComparison(Env env) {
    this.env = env;
  }

  String run() throws Exception {
    int rounds = env.settings.rounds(3);
    int n = env.settings.quick ? 40_000 : 250_000;
    Table table = new Table("Publish throughput (" + String.format("%,d", n) + " records per trial, "
            + rounds + " rounds, records/s)",
        "shape", "envelope bytes", "Tidings", "raw + Jackson", "raw bytes (ceiling)", "Tidings / raw+Jackson",
        "Tidings / ceiling", "raw+Jackson / ceiling", "(p) projected", "(p) / raw+Jackson");
    ApplicationOptions options = env.options().build();
    try (Application app = Application.create(options);
        Producer<byte[], byte[]> raw = new KafkaProducer<>(ClientSettings.producer(options))) {
      app.mount(Env.router()).start();
      EnvelopeCodec codec = codec();
      for (Shape shape : env.settings.shapes) {
        Record[] pool = shape.pool(POOL, 42);
        byte[][] bytes = new byte[POOL][];
        long size = 0;
        for (int i = 0; i < POOL; i++) {
          bytes[i] = codec.encode("check", pool[i], true);
          byte[] jackson = mapper.writeValueAsBytes(new Wire<>(shape.key(), pool[i]));
          if (!Arrays.equals(bytes[i], jackson)) {
            throw new IllegalStateException("the baseline does not write the bytes Tidings writes:\n"
                + new String(bytes[i], java.nio.charset.StandardCharsets.UTF_8) + "\n"
                + new String(jackson, java.nio.charset.StandardCharsets.UTF_8));
          }
          size += bytes[i].length;
        }
        String stream = "pub-" + shape.label();
        String jacksonTopic = env.createTopic("raw-jackson-" + shape.label());
        String bytesTopic = env.createTopic("raw-bytes-" + shape.label());
        long[] expected = new long[4];
        app.publishAndWait(stream, pool[0]);
        expected[0] = 1;
        String projectedStream = "proj-" + shape.label();
        app.rawPublish(projectedStream, bytes[0]).get(60, java.util.concurrent.TimeUnit.SECONDS);
        expected[3] = 1;
        expected[1] = Env.warm(raw, jacksonTopic, bytes[0]);
        expected[2] = Env.warm(raw, bytesTopic, bytes[0]);

        Map<Variant, List<Double>> rates = new EnumMap<>(Variant.class);
        List<Double> vsJackson = new ArrayList<>();
        List<Double> vsCeiling = new ArrayList<>();
        List<Double> jacksonVsCeiling = new ArrayList<>();
        List<Double> projectedVsJackson = new ArrayList<>();
        Variant[] order = Variant.values();
        for (int round = -1; round < rounds; round++) {
          Map<Variant, Double> thisRound = new EnumMap<>(Variant.class);
          for (int k = 0; k < order.length; k++) {
            // A/B interleaved, and the order rotates so no variant always runs first or last.
            Variant v = order[Math.floorMod(k + round, order.length)];
            double rate = switch (v) {
              case TIDINGS -> tidings(app, stream, pool, n);
              case JACKSON -> jackson(raw, jacksonTopic, shape.key(), pool, n);
              case BYTES -> bytes(raw, bytesTopic, bytes, n);
              case PROJECTED -> projected(app, projectedStream, shape.key(), pool, n);
            };
            expected[v.ordinal()] += n;
            thisRound.put(v, rate);
            Harness.progress("publish %s %s round %s: %,.0f records/s", shape.label(), v,
                round < 0 ? "warm-up" : String.valueOf(round + 1), rate);
          }
          if (round < 0) {
            continue;
          }
          thisRound.forEach((v, r) -> rates.computeIfAbsent(v, x -> new ArrayList<>()).add(r));
          vsJackson.add(thisRound.get(Variant.TIDINGS) / thisRound.get(Variant.JACKSON));
          vsCeiling.add(thisRound.get(Variant.TIDINGS) / thisRound.get(Variant.BYTES));
          jacksonVsCeiling.add(thisRound.get(Variant.JACKSON) / thisRound.get(Variant.BYTES));
          projectedVsJackson.add(thisRound.get(Variant.PROJECTED) / thisRound.get(Variant.JACKSON));
        }
        check(env.topic(stream), expected[0]);
        check(jacksonTopic, expected[1]);
        check(bytesTopic, expected[2]);
        check(env.topic(projectedStream), expected[3]);
        table.row(shape.label(), size / POOL, Stats.medianSpread(rates.get(Variant.TIDINGS)),
            Stats.medianSpread(rates.get(Variant.JACKSON)), Stats.medianSpread(rates.get(Variant.BYTES)),
            Stats.ratioSpread(vsJackson), Stats.ratioSpread(vsCeiling), Stats.ratioSpread(jacksonVsCeiling),
            Stats.medianSpread(rates.get(Variant.PROJECTED)), Stats.ratioSpread(projectedVsJackson));
      }
    }
    table.note("Same producer settings on every side (Tidings' own: acks=all, idempotent, linger.ms=5,"
        + " no compression), " + Env.PARTITIONS + " partitions, the same envelope bytes on the wire. Ratios are"
        + " the median of per-round ratios; ± is half the range over rounds, relative to the median. (p) is a"
        + " projection, not Tidings as it is: each record checked by a hand-written validator of the kind the"
        + " processor could generate, written by Jackson straight from the record (the same bytes for these"
        + " records) and sent through Tidings' publisher with rawPublish.");
    return table.toString();
  }

  private double tidings(Application app, String stream, Record[] pool, int n) {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      app.publish(stream, pool[i & (POOL - 1)]);
    }
    app.flush();
    return n * 1e9 / (System.nanoTime() - start);
  }

  private double projected(Application app, String stream, String key, Record[] pool, int n) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      Record record = pool[i & (POOL - 1)];
      if (!HandValidator.valid(record)) {
        throw new IllegalStateException("invalid " + record);
      }
      app.rawPublish(stream, mapper.writeValueAsBytes(new Wire<>(key, record)));
    }
    app.flush();
    return n * 1e9 / (System.nanoTime() - start);
  }

  private double jackson(Producer<byte[], byte[]> raw, String topic, String key, Record[] pool, int n)
      throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      raw.send(new ProducerRecord<>(topic, mapper.writeValueAsBytes(new Wire<>(key, pool[i & (POOL - 1)]))));
    }
    raw.flush();
    return n * 1e9 / (System.nanoTime() - start);
  }

  private static double bytes(Producer<byte[], byte[]> raw, String topic, byte[][] bytes, int n) {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      raw.send(new ProducerRecord<>(topic, bytes[i & (POOL - 1)]));
    }
    raw.flush();
    return n * 1e9 / (System.nanoTime() - start);
  }

  private void check(String topic, long expected) throws Exception {
    long stored = env.records(topic);
    if (stored != expected) {
      throw new IllegalStateException(topic + " holds " + stored + " records, expected " + expected
          + ": some sends failed, the figures are void");
    }
  }

  /** The codec of an application with the generated registrations of both shapes. */
  static EnvelopeCodec codec() {
    return codec(true);
  }

  /**
   * @param checks whether the definitions keep their generated checks; without them every record
   *     goes through the tree and the JSON Schema validator, as with a hand-written schema
   */
  static EnvelopeCodec codec(boolean checks) {
    return codec(checks, true);
  }

  /** @param readers whether the definitions keep their generated readers (with {@code checks} only) */
  static EnvelopeCodec codec(boolean checks, boolean readers) {
    SchemaRegistry registry = new SchemaRegistry();
    if (checks && !readers) {
      for (Shape shape : Shape.values()) {
        registry.register(shape.definitionWithoutReader());
      }
      return new EnvelopeCodec(registry);
    }
    for (Shape shape : Shape.values()) {
      registry.register(checks ? shape.definition() : shape.definitionWithoutCheck());
    }
    return new EnvelopeCodec(registry);
  }
}
