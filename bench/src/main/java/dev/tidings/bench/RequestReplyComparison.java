package dev.tidings.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.Router;
import dev.tidings.internal.kafka.ClientSettings;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Request→reply round trips at 1 and 64 requests in flight: Tidings ({@code Application.request}
 * answered by an {@code onRequest} subscription in another application of this JVM) against the
 * raw clients doing the same two hops (a producer sends the request with a correlation header; an
 * echo consumer in a group sends the reply; the caller's consumer, assigned to the reply topic,
 * matches it). The caller's raw consumer is also assigned to the request topic, so the same trial
 * gives the raw one-hop produce→poll time as well. Closed loop: a request is sent whenever fewer
 * than the in-flight count wait.
 */
final class RequestReplyComparison {
  private static final int[] IN_FLIGHT = {1, 64};
  private static final String CORRELATION = "bench.correlation";

  enum Variant { TIDINGS, RAW }

  private final Env env;
  private final ObjectMapper mapper = new ObjectMapper();

  RequestReplyComparison(Env env) {
    this.env = env;
  }

  String run() throws Exception {
    int rounds = env.settings.rounds(3);
    double seconds = env.settings.quick ? 1 : 3;
    Table table = new Table("Request → reply round trip (µs; " + seconds + " s per trial, " + rounds + " rounds)",
        "in flight", "variant", "p50", "p99", "replies/s", "p50 / raw round trip", "replies/s / raw");
    Shape shape = Shape.SMALL;
    ApplicationOptions options = env.options().build();
    String reqTopic = env.createTopic("rr-raw-req");
    String repTopic = env.createTopic("rr-raw-rep");
    Router serving = Env.router();
    serving.subscribe("rr-req", "rr-serve").onRequest(shape.type, (r, ctx) -> CompletableFuture.completedFuture(r));
    Record request = shape.pool(1, 3)[0];
    byte[] rawValue = mapper.writeValueAsBytes(new Wire<>(shape.key(), request));
    RawSide raw = new RawSide(options, reqTopic, repTopic);
    try (Application server = Application.create(options).mount(serving).start();
        Application caller = Application.create(options).mount(Env.router())) {
      raw.start(rawValue);
      Harness.progress("request/reply: serving %s, replies to %s", server.health().subscriptions().size() == 1
          ? "rr-req" : "?", ((dev.tidings.internal.KafkaApplication) caller).replyStream());
      Sender tidings = done -> {
        long t0 = System.nanoTime();
        caller.request("rr-req", request, Record.class, Duration.ofSeconds(30))
            .whenComplete((reply, error) -> done.finished(System.nanoTime() - t0, error));
      };
      Sender rawSender = done -> raw.send(rawValue, done);
      // Warm-up: both sides answer (the groups are joined), then a while at 64 in flight.
      trial(tidings, 1, 0, 60);
      trial(rawSender, 1, 0, 60);
      trial(tidings, 64, env.settings.quick ? 1 : 2, 60);
      trial(rawSender, 64, env.settings.quick ? 1 : 2, 60);
      for (int inFlight : IN_FLIGHT) {
        Map<Variant, List<double[]>> results = new HashMap<>();
        List<double[]> oneHop = new ArrayList<>();
        List<Double> p50Ratio = new ArrayList<>();
        List<Double> rateRatio = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          Map<Variant, double[]> thisRound = new HashMap<>();
          for (int k = 0; k < 2; k++) {
            Variant v = Variant.values()[(k + round) % 2];
            if (v == Variant.RAW) {
              raw.oneHop.reset(1_000_000);
            }
            double[] r = trial(v == Variant.TIDINGS ? tidings : rawSender, inFlight, seconds, 30);
            thisRound.put(v, r);
            if (v == Variant.RAW) {
              long[] sorted = raw.oneHop.sorted();
              oneHop.add(new double[] {Stats.percentile(sorted, sorted.length, 0.5) / 1000.0,
                  Stats.percentile(sorted, sorted.length, 0.99) / 1000.0, 0});
            }
            Harness.progress("request/reply %d in flight %s round %d: p50 %.0f µs, p99 %.0f µs, %.0f replies/s",
                inFlight, v, round + 1, r[0], r[1], r[2]);
          }
          thisRound.forEach((v, r) -> results.computeIfAbsent(v, x -> new ArrayList<>()).add(r));
          p50Ratio.add(thisRound.get(Variant.TIDINGS)[0] / thisRound.get(Variant.RAW)[0]);
          rateRatio.add(thisRound.get(Variant.TIDINGS)[2] / thisRound.get(Variant.RAW)[2]);
        }
        String n = Integer.toString(inFlight);
        table.row(n, "Tidings request → reply", column(results.get(Variant.TIDINGS), 0),
            column(results.get(Variant.TIDINGS), 1), column(results.get(Variant.TIDINGS), 2),
            Stats.ratioSpread(p50Ratio), Stats.ratioSpread(rateRatio));
        table.row(n, "raw request → echo → reply", column(results.get(Variant.RAW), 0),
            column(results.get(Variant.RAW), 1), column(results.get(Variant.RAW), 2), "", "");
        table.row(n, "raw one hop, produce → poll", column(oneHop, 0), column(oneHop, 1), "", "", "");
      }
    } finally {
      raw.close();
    }
    table.note("Both sides use Tidings' client settings (linger.ms=5 on every producer: each hop can wait up to"
        + " 5 ms for its batch). A round trip is two hops: request topic → serving consumer → reply topic →"
        + " caller. Tidings' serving side holds each request's offset back from commits until the broker stored its"
        + " reply (acks=all); the raw echo commits what it polled without waiting for its replies. The one-hop"
        + " row is the raw request as the caller's own assigned consumer reads it, in the raw trials.");
    return table.toString();
  }

  private static String column(List<double[]> rounds, int index) {
    List<Double> values = new ArrayList<>();
    for (double[] r : rounds) {
      values.add(r[index]);
    }
    return Stats.medianSpread(values);
  }

  /** Completion callback of one request. */
  @FunctionalInterface
  interface Done {
    void finished(long nanos, Throwable error);
  }

  @FunctionalInterface
  private interface Sender {
    void send(Done done) throws Exception;
  }

  /**
   * Keeps {@code inFlight} requests outstanding for {@code seconds} (at least one reply when 0);
   * returns p50 and p99 in µs and replies per second.
   */
  private static double[] trial(Sender sender, int inFlight, double seconds, int timeoutSeconds) throws Exception {
    Semaphore permits = new Semaphore(inFlight);
    Recorder recorder = new Recorder();
    recorder.reset(2_000_000);
    AtomicLong failures = new AtomicLong();
    Done done = (nanos, error) -> {
      if (error != null) {
        failures.incrementAndGet();
      } else {
        recorder.record(nanos);
      }
      permits.release();
    };
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long hard = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    do {
      if (!permits.tryAcquire(1, TimeUnit.SECONDS)) {
        if (System.nanoTime() - hard > 0) {
          throw new IllegalStateException("no reply within " + timeoutSeconds + " s");
        }
        continue;
      }
      sender.send(done);
    } while (System.nanoTime() - end < 0 || recorder.count() == 0 && System.nanoTime() - hard < 0);
    if (!permits.tryAcquire(inFlight, timeoutSeconds, TimeUnit.SECONDS)) {
      throw new IllegalStateException("requests still waiting after " + timeoutSeconds + " s");
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " requests failed");
    }
    long[] sorted = recorder.sorted();
    return new double[] {Stats.percentile(sorted, sorted.length, 0.5) / 1000.0,
        Stats.percentile(sorted, sorted.length, 0.99) / 1000.0, sorted.length / elapsed};
  }

  /** The raw clients: caller producer and assigned consumer, echo consumer in a group and its producer. */
  private static final class RawSide implements AutoCloseable {
    final Recorder oneHop = new Recorder();
    private final Producer<byte[], byte[]> producer;
    private final Producer<byte[], byte[]> echoProducer;
    private final KafkaConsumer<byte[], byte[]> echo;
    private final KafkaConsumer<byte[], byte[]> replies;
    private final String reqTopic;
    private final String repTopic;
    private final Map<Long, Object[]> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    RawSide(ApplicationOptions options, String reqTopic, String repTopic) {
      this.reqTopic = reqTopic;
      this.repTopic = repTopic;
      this.producer = new KafkaProducer<>(ClientSettings.producer(options));
      this.echoProducer = new KafkaProducer<>(ClientSettings.producer(options));
      this.echo = new KafkaConsumer<>(ClientSettings.consumer(options, "rr-raw-echo"));
      Map<String, Object> assigned = ClientSettings.consumer(options, "unused");
      assigned.remove(ConsumerConfig.GROUP_ID_CONFIG);
      this.replies = new KafkaConsumer<>(assigned);
    }

    void start(byte[] value) throws Exception {
      Env.warm(producer, reqTopic, value);
      Env.warm(producer, repTopic, value);
      List<TopicPartition> parts = new ArrayList<>();
      for (int p = 0; p < Env.PARTITIONS; p++) {
        parts.add(new TopicPartition(reqTopic, p));
        parts.add(new TopicPartition(repTopic, p));
      }
      replies.assign(parts);
      replies.seekToEnd(parts);
      parts.forEach(replies::position);
      echo.subscribe(List.of(reqTopic));
      threads.add(new Thread(this::echoLoop, "raw-echo"));
      threads.add(new Thread(this::replyLoop, "raw-replies"));
      threads.forEach(Thread::start);
    }

    void send(byte[] value, Done done) {
      long id = ids.incrementAndGet();
      long t0 = System.nanoTime();
      pending.put(id, new Object[] {t0, done});
      List<Header> headers = List.of(new RecordHeader(CORRELATION, ByteBuffer.allocate(8).putLong(0, id).array()));
      producer.send(new ProducerRecord<>(reqTopic, (Integer) null, (byte[]) null, value, headers));
    }

    private void echoLoop() {
      try {
        while (running) {
          for (ConsumerRecord<byte[], byte[]> r : echo.poll(Duration.ofMillis(100))) {
            echoProducer.send(new ProducerRecord<>(repTopic, null, r.key(), r.value(), r.headers()));
          }
          echo.commitAsync();
        }
      } catch (WakeupException e) {
        // stopping
      }
    }

    private void replyLoop() {
      try {
        while (running) {
          for (ConsumerRecord<byte[], byte[]> r : replies.poll(Duration.ofMillis(100))) {
            var h = r.headers().lastHeader(CORRELATION);
            if (h == null) {
              continue;
            }
            long id = ByteBuffer.wrap(h.value()).getLong();
            if (r.topic().equals(reqTopic)) {
              Object[] p = pending.get(id);
              if (p != null) {
                oneHop.record(System.nanoTime() - (long) p[0]);
              }
              continue;
            }
            Object[] p = pending.remove(id);
            if (p != null) {
              ((Done) p[1]).finished(System.nanoTime() - (long) p[0], null);
            }
          }
        }
      } catch (WakeupException e) {
        // stopping
      }
    }

    @Override
    public void close() {
      running = false;
      echo.wakeup();
      replies.wakeup();
      try {
        for (Thread t : threads) {
          t.join(30_000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      echo.close(CloseOptions.timeout(Duration.ofSeconds(5)));
      replies.close(CloseOptions.timeout(Duration.ofSeconds(5)));
      producer.close(Duration.ofSeconds(5));
      echoProducer.close(Duration.ofSeconds(5));
    }
  }
}
