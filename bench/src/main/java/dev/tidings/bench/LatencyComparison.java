package dev.tidings.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.Handler;
import dev.tidings.Router;
import dev.tidings.internal.kafka.ClientSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * End-to-end latency at fixed rates, from the publish call to the handler's entry: Tidings ({@code
 * publish} → subscription handler) against the raw pair (a producer that serializes with Jackson →
 * a consumer loop that binds with Jackson), both with Tidings' client settings. Each record carries
 * {@code System.nanoTime()} taken just before its publish call; producer and consumer share this
 * JVM, so the clocks agree.
 */
final class LatencyComparison {
  private static final int POOL = 1024;
  private static final int[] RATES = {5_000, 20_000};

  enum Variant { TIDINGS, RAW }

  private final Env env;
  private final ObjectMapper mapper = new ObjectMapper();

  LatencyComparison(Env env) {
    this.env = env;
  }

  String run() throws Exception {
    int rounds = env.settings.rounds(env.settings.quick ? 3 : 5);
    double seconds = env.settings.quick ? 1 : 3;
    Table table = new Table("End-to-end latency, publish call → handler entry (µs; " + seconds + " s per trial, "
            + rounds + " rounds)",
        "shape", "msg/s", "variant", "p50", "p99", "p99.9", "max", "p99 Tidings − raw");
    ApplicationOptions options = env.options().build();
    for (Shape shape : env.settings.shapes) {
      String stream = "lat-" + shape.label();
      String rawTopic = env.createTopic("raw-lat-" + shape.label());
      Record[] pool = shape.pool(POOL, 11);
      Recorder tidingsRecorder = new Recorder();
      Recorder rawRecorder = new Recorder();
      Router router = Env.router();
      Handler<Object> handler = (record, context) -> tidingsRecorder.record(System.nanoTime() - shape.sentNanos(record));
      router.subscribe(stream, "lat-tidings-" + shape.label()).on(shape.type, handler);
      RawLoop loop = new RawLoop(options, shape, rawTopic, rawRecorder);
      Thread rawThread = new Thread(loop, "raw-consumer-" + shape.label());
      try (Application app = Application.create(options);
          Producer<byte[], byte[]> producer = new KafkaProducer<>(ClientSettings.producer(options))) {
        app.mount(router).start();
        rawThread.start();
        Env.warm(producer, rawTopic, mapper.writeValueAsBytes(new Wire<>(shape.key(), pool[0])));
        Sender tidings = (record) -> app.publish(stream, record);
        Sender raw = (record) -> producer.send(
            new ProducerRecord<>(rawTopic, mapper.writeValueAsBytes(new Wire<>(shape.key(), record))));
        // Warm-up: until both sides deliver (the subscription joins its group), then a while at the top rate.
        for (Variant v : Variant.values()) {
          Recorder recorder = v == Variant.TIDINGS ? tidingsRecorder : rawRecorder;
          Sender sender = v == Variant.TIDINGS ? tidings : raw;
          recorder.reset(1);
          long deadline = System.nanoTime() + 60_000_000_000L;
          while (!recorder.await(1, 1)) {
            sender.send(shape.withSentNanos(pool[0], System.nanoTime()));
            if (System.nanoTime() - deadline > 0) {
              throw new IllegalStateException(v + " delivered nothing within 60 s");
            }
          }
          trial(sender, recorder, shape, pool, RATES[RATES.length - 1], env.settings.quick ? 1 : 2);
        }
        for (int rate : RATES) {
          Map<Variant, List<long[]>> results = new HashMap<>();
          List<Double> p99Delta = new ArrayList<>();
          for (int round = 0; round < rounds; round++) {
            Map<Variant, long[]> thisRound = new HashMap<>();
            for (int k = 0; k < 2; k++) {
              Variant v = Variant.values()[(k + round) % 2];
              long[] p = v == Variant.TIDINGS
                  ? trial(tidings, tidingsRecorder, shape, pool, rate, seconds)
                  : trial(raw, rawRecorder, shape, pool, rate, seconds);
              thisRound.put(v, p);
              Harness.progress("latency %s %d/s %s round %d: p50 %d µs, p99 %d µs, p99.9 %d µs, max %d µs",
                  shape.label(), rate, v, round + 1, p[0], p[1], p[2], p[3]);
            }
            thisRound.forEach((v, p) -> results.computeIfAbsent(v, x -> new ArrayList<>()).add(p));
            p99Delta.add((double) (thisRound.get(Variant.TIDINGS)[1] - thisRound.get(Variant.RAW)[1]));
          }
          for (Variant v : Variant.values()) {
            List<long[]> r = results.get(v);
            table.row(shape.label(), String.format(Locale.ROOT, "%,d", rate),
                v == Variant.TIDINGS ? "Tidings" : "raw pair", column(r, 0), column(r, 1), column(r, 2),
                column(r, 3), v == Variant.TIDINGS ? signed(Stats.median(p99Delta)) + " µs" : "");
          }
        }
      } finally {
        loop.stop();
        rawThread.join(30_000);
      }
    }
    table.note("Each figure is the median over rounds, ± half the range relative to it. Both producers use"
        + " Tidings' settings (linger.ms=5, so ~5 ms is batching delay on both sides); Tidings handles records on"
        + " its handler pool, the raw consumer on its poll thread.");
    return table.toString();
  }

  private static String column(List<long[]> rounds, int index) {
    List<Double> values = new ArrayList<>();
    for (long[] p : rounds) {
      values.add((double) p[index]);
    }
    return Stats.medianSpread(values);
  }

  private static String signed(double value) {
    return (value >= 0 ? "+" : "−") + Stats.number(Math.abs(value));
  }

  /** Sends at {@code rate} for {@code seconds}; returns p50, p99, p99.9 and max in µs. */
  private static long[] trial(Sender sender, Recorder recorder, Shape shape, Record[] pool, int rate,
      double seconds) throws Exception {
    int total = (int) (rate * seconds);
    recorder.reset(total);
    long period = 1_000_000_000L / rate;
    long start = System.nanoTime();
    int sent = 0;
    while (sent < total) {
      long due = Math.min(total, (System.nanoTime() - start) / period + 1);
      while (sent < due) {
        sender.send(shape.withSentNanos(pool[sent % POOL], System.nanoTime()));
        sent++;
      }
      LockSupport.parkNanos(Math.max(20_000, period / 2));
    }
    if (!recorder.await(total, 30)) {
      throw new IllegalStateException("only " + recorder.count() + " of " + total + " records arrived in 30 s");
    }
    long[] sorted = recorder.sorted();
    return new long[] {
      Stats.percentile(sorted, sorted.length, 0.50) / 1000,
      Stats.percentile(sorted, sorted.length, 0.99) / 1000,
      Stats.percentile(sorted, sorted.length, 0.999) / 1000,
      sorted[sorted.length - 1] / 1000
    };
  }

  @FunctionalInterface
  private interface Sender {
    void send(Record record) throws Exception;
  }

  /** The raw consumer: poll, bind with Jackson, record, commit on Tidings' interval. */
  private final class RawLoop implements Runnable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ObjectReader reader;
    private final Shape shape;
    private final Recorder recorder;
    private final long commitEvery;
    private volatile boolean running = true;

    RawLoop(ApplicationOptions options, Shape shape, String topic, Recorder recorder) {
      this.consumer = new KafkaConsumer<>(ClientSettings.consumer(options, "lat-raw-" + shape.label()));
      this.consumer.subscribe(List.of(topic));
      this.reader = mapper.readerFor(shape.wireType(mapper));
      this.shape = shape;
      this.recorder = recorder;
      this.commitEvery = options.commitInterval().toNanos();
    }

    @Override
    public void run() {
      Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
      long nextCommit = System.nanoTime() + commitEvery;
      try {
        while (running) {
          ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
          for (TopicPartition tp : records.partitions()) {
            long last = -1;
            for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
              Wire<?> wire = reader.readValue(record.value());
              // The raw "handler" starts once the record is bound, as a Tidings handler does.
              recorder.record(System.nanoTime() - shape.sentNanos(wire.data()));
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
      } catch (WakeupException e) {
        // stopping
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
      }
    }

    void stop() {
      running = false;
      consumer.wakeup();
    }
  }
}
