package dev.tidings.bench;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.internal.codec.CompiledSchema;
import dev.tidings.internal.codec.EnvelopeCodec;
import dev.tidings.internal.codec.SchemaRegistry;
import dev.tidings.internal.kafka.Publisher;
import dev.tidings.internal.kafka.TopicAdmin;
import dev.tidings.transport.TransportConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of the transport abstraction on the Kafka path. {@code DIRECT} is what {@code publish}
 * did before transports existed: encode (validate, envelope) and hand the bytes to the framework's
 * {@link Publisher}. {@code KAFKA} is {@code Application.publish} configured with {@code transport:
 * {type: kafka}}. {@code GENERIC} is {@code publish} through a composite with the kafka transport as
 * its only member, so every message takes the generic {@code Transport.send} route ({@code
 * OutgoingMessage}, {@code Delivery}, two more futures) instead of the kafka transport's own.
 */
final class TransportComparison {
  private static final int POOL = 4096;

  enum Variant {
    DIRECT("direct (encode + Publisher)"),
    KAFKA("`transport: kafka`"),
    GENERIC("generic `Transport.send` (composite of kafka)");

    final String label;

    Variant(String label) {
      this.label = label;
    }
  }

  private final Env env;

  TransportComparison(Env env) {
    this.env = env;
  }

  String run() throws Exception {
    int rounds = env.settings.rounds(5);
    int n = env.settings.quick ? 40_000 : 250_000;
    Table table = new Table("Publish through the kafka transport (" + String.format("%,d", n)
            + " records per trial, " + rounds + " rounds, records/s)",
        "shape", "direct", "`transport: kafka`", "generic send", "kafka / direct", "generic / direct");
    ApplicationOptions base = env.options().build();
    ApplicationOptions kafkaOptions = base.toBuilder().transport(TransportConfig.parse("type: kafka")).build();
    ApplicationOptions genericOptions = base.toBuilder().transport(TransportConfig.parse(
        "type: composite\nmode: failover\ntransports: [{type: kafka}]")).build();
    SchemaRegistry registry = new SchemaRegistry();
    for (Shape shape : Shape.values()) {
      registry.register(shape.definition());
    }
    EnvelopeCodec codec = new EnvelopeCodec(registry);
    try (TopicAdmin topics = new TopicAdmin(base);
        Publisher direct = new Publisher(base, topics);
        Application kafka = Application.create(kafkaOptions);
        Application generic = Application.create(genericOptions)) {
      kafka.mount(Env.router());
      generic.mount(Env.router());
      for (Shape shape : env.settings.shapes) {
        Record[] pool = shape.pool(POOL, 42);
        Map<Variant, String> streams = new EnumMap<>(Variant.class);
        for (Variant v : Variant.values()) {
          streams.put(v, "tr-" + v.name().toLowerCase(java.util.Locale.ROOT) + "-" + shape.label());
        }
        CompiledSchema schema = registry.byType(pool[0].getClass());
        direct.send(streams.get(Variant.DIRECT), null, null, codec.encode(streams.get(Variant.DIRECT), schema, pool[0], true),
            List.of()).get();
        kafka.publishAndWait(streams.get(Variant.KAFKA), pool[0]);
        generic.publishAndWait(streams.get(Variant.GENERIC), pool[0]);
        Map<Variant, List<Double>> rates = new EnumMap<>(Variant.class);
        List<Double> kafkaRatio = new ArrayList<>();
        List<Double> genericRatio = new ArrayList<>();
        Variant[] order = Variant.values();
        for (int round = -1; round < rounds; round++) {
          Map<Variant, Double> thisRound = new EnumMap<>(Variant.class);
          for (int k = 0; k < order.length; k++) {
            Variant v = order[Math.floorMod(k + round, order.length)];
            String stream = streams.get(v);
            double rate = switch (v) {
              case DIRECT -> direct(direct, codec, stream, pool, n);
              case KAFKA -> app(kafka, stream, pool, n);
              case GENERIC -> app(generic, stream, pool, n);
            };
            thisRound.put(v, rate);
            Harness.progress("transport %s %s round %s: %,.0f records/s", shape.label(), v,
                round < 0 ? "warm-up" : String.valueOf(round + 1), rate);
          }
          if (round < 0) {
            continue;
          }
          thisRound.forEach((v, r) -> rates.computeIfAbsent(v, x -> new ArrayList<>()).add(r));
          kafkaRatio.add(thisRound.get(Variant.KAFKA) / thisRound.get(Variant.DIRECT));
          genericRatio.add(thisRound.get(Variant.GENERIC) / thisRound.get(Variant.DIRECT));
        }
        long expected = 1 + (long) (rounds + 1) * n;
        for (Variant v : Variant.values()) {
          long stored = env.records(env.topic(streams.get(v)));
          if (stored != expected) {
            throw new IllegalStateException(streams.get(v) + " holds " + stored + " records, expected " + expected
                + ": some sends failed, the figures are void");
          }
        }
        table.row(shape.label(), Stats.medianSpread(rates.get(Variant.DIRECT)),
            Stats.medianSpread(rates.get(Variant.KAFKA)), Stats.medianSpread(rates.get(Variant.GENERIC)),
            Stats.ratioSpread(kafkaRatio), Stats.ratioSpread(genericRatio));
      }
    }
    table.note("The same producer settings and validation on every side; each variant has its own producer."
        + " Variants interleave and rotate within a round. Ratios are the median of per-round ratios.");
    return table.toString();
  }

  private static double direct(Publisher publisher, EnvelopeCodec codec, String stream,
      Record[] pool, int n) {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      Record r = pool[i & (POOL - 1)];
      publisher.send(stream, null, null, codec.encode(stream, r, true), List.of());
    }
    publisher.flush();
    return n * 1e9 / (System.nanoTime() - start);
  }

  private static double app(Application app, String stream, Record[] pool, int n) {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      app.publish(stream, pool[i & (POOL - 1)]);
    }
    app.flush();
    return n * 1e9 / (System.nanoTime() - start);
  }

}
