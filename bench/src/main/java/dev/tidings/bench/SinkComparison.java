package dev.tidings.bench;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.Telemetry;
import dev.tidings.http.sink.HttpRequest;
import dev.tidings.http.sink.HttpSink;
import dev.tidings.testkit.EmbeddedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP sink against a raw {@link HttpClient} loop, at concurrency 1, 16 and 64, in one JVM against
 * one local no-op HTTP server (Jetty 12) and an in-process broker. The raw loop
 * runs {@code c} threads that send the same GET with {@code send()}; the sink consumes as many
 * pre-filled {@code HttpRequest:1} messages (keys spread over 3 partitions) with {@code
 * concurrency(c)}, and each exchange is published to the success stream and acknowledged before its
 * offset counts. Exchanges/s is messages over the time from the sink's first request to the last
 * acknowledged exchange. Per-exchange times: the raw loop's request time, and the sink handler's time
 * (request, exchange record, publish and acknowledgement) from the framework's telemetry; their p99
 * difference is the latency the sink adds.
 *
 * <p>{@code -Dbench.sink.messages=N} (default 6000), {@code -Dbench.sink.rounds=R} (default 2),
 * {@code -Dbench.producer.linger.ms=0} and other {@code bench.producer.*} settings reach the sink's
 * producer.
 */
public final class SinkComparison {
  private static final int[] CONCURRENCY = {1, 16, 64};

  private SinkComparison() {}

  public static void main(String[] args) throws Exception {
    int messages = Integer.getInteger("bench.sink.messages", 6000);
    int rounds = Integer.getInteger("bench.sink.rounds", 2);
    AtomicLong firstHit = new AtomicLong();
    Server server = new Server(new QueuedThreadPool(200));
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract.NonBlocking() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        firstHit.compareAndSet(0, System.nanoTime());
        response.setStatus(200);
        Content.Sink.write(response, true, "ok", callback);
        return true;
      }
    });
    server.start();
    String url = "http://127.0.0.1:" + connector.getLocalPort() + "/noop";
    List<String> rows = new ArrayList<>();
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      for (int c : CONCURRENCY) {
        List<Double> raw = new ArrayList<>();
        List<Double> sink = new ArrayList<>();
        long[] rawP = new long[2];
        long[] sinkP = new long[2];
        for (int round = 0; round <= rounds; round++) {
          Run r = raw(url, c, messages);
          firstHit.set(0);
          Run s = sink(kafka.bootstrapServers(), url, c, messages, round, firstHit);
          if (round == 0) {
            continue; // warm-up
          }
          raw.add(r.perSecond);
          sink.add(s.perSecond);
          rawP = new long[] {r.p50, r.p99};
          sinkP = new long[] {s.p50, s.p99};
          System.out.printf("c=%d round %d: raw %.0f/s, sink %.0f/s%n", c, round, r.perSecond, s.perSecond);
        }
        double rawMedian = Stats.median(raw);
        double sinkMedian = Stats.median(sink);
        rows.add(String.format("| %d | %s | %s | %.2f× | %s / %s | %s / %s | %s |", c, Stats.number(rawMedian),
            Stats.number(sinkMedian), sinkMedian / rawMedian, ms(rawP[0]), ms(rawP[1]), ms(sinkP[0]), ms(sinkP[1]),
            ms(sinkP[1] - rawP[1])));
      }
    } finally {
      server.stop();
    }
    System.out.println();
    System.out.println("| concurrency | raw HttpClient req/s | sink exchanges/s | sink / raw | raw p50 / p99 ms |"
        + " sink p50 / p99 ms | p99 added ms |");
    System.out.println("|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
    System.out.println();
    System.out.println(messages + " requests per run, " + rounds + " measured rounds after a warm-up, medians;"
        + " JDK " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores");
  }

  private static String ms(long nanos) {
    return String.format("%.2f", nanos / 1e6);
  }

  private record Run(double perSecond, long p50, long p99) {}

  private static Run raw(String url, int concurrency, int messages) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(10)).GET().build();
    AtomicInteger next = new AtomicInteger();
    long[] times = new long[messages];
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime();
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    for (int t = 0; t < concurrency; t++) {
      done.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
          long t0 = System.nanoTime();
          HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
          if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode());
          }
          times[i] = System.nanoTime() - t0;
        }
        return null;
      }));
    }
    for (var f : done) {
      f.get();
    }
    long elapsed = System.nanoTime() - start;
    pool.shutdown();
    long[] sorted = Stats.sortedCopy(times, messages);
    return new Run(messages / (elapsed / 1e9), Stats.percentile(sorted, messages, 0.5),
        Stats.percentile(sorted, messages, 0.99));
  }

  private static Run sink(String bootstrap, String url, int concurrency, int messages, int round, AtomicLong firstHit)
      throws Exception {
    String prefix = "sinkbench-" + Long.toString(System.nanoTime(), 36) + "-c" + concurrency + "-r" + round + ".";
    ApplicationOptions.Builder options = ApplicationOptions.builder().kafkaServers(bootstrap).topicPrefix(prefix)
        .partitions(3).shutdownTimeout(Duration.ofSeconds(10));
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("bench.producer.")) {
        options.producerSetting(name.substring("bench.producer.".length()), System.getProperty(name));
      }
    }
    HttpSink sink = HttpSink.builder().name("bench").requests("req").allow("127.0.0.1").concurrency(concurrency).build();
    try (Admin admin = admin(bootstrap)) {
      admin.createTopics(List.of(new NewTopic(prefix + "req", 3, (short) 1), new NewTopic(prefix + "req.success", 3,
          (short) 1))).all().get(30, TimeUnit.SECONDS);
      try (Application filler = Application.create(options.build())) {
        filler.mount(sink.router());
        List<java.util.concurrent.CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
          sent.add(filler.publish("req", HttpRequest.of("GET", url),
              Integer.toString(i % 1024).getBytes(StandardCharsets.UTF_8)));
        }
        filler.flush();
        java.util.concurrent.CompletableFuture.allOf(sent.toArray(java.util.concurrent.CompletableFuture[]::new))
            .get(2, TimeUnit.MINUTES);
      }
      long[] handler = new long[messages * 2];
      AtomicInteger handled = new AtomicInteger();
      Telemetry telemetry = new Telemetry() {
        @Override
        public void consumed(String group, String stream, Outcome outcome, String reason, long nanos, long lead) {
          int i = handled.getAndIncrement();
          if (i < handler.length) {
            handler[i] = nanos;
          }
        }
      };
      try (Application app = Application.create(options.telemetry(telemetry).build())) {
        app.mount(sink.router()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (successCount(admin, prefix + "req.success") < messages) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the sink did not finish " + messages + " exchanges in 10 minutes: "
                + successCount(admin, prefix + "req.success") + " exchanges of " + successCount(admin, prefix + "req")
                + " requests, " + handled.get() + " handled");
          }
          if (Boolean.getBoolean("bench.sink.progress")) {
            System.out.println("progress: " + successCount(admin, prefix + "req.success") + " exchanges of "
                + successCount(admin, prefix + "req") + " requests, " + handled.get() + " handled");
          }
          TimeUnit.MILLISECONDS.sleep(20);
        }
        long end = System.nanoTime();
        double seconds = (end - firstHit.get()) / 1e9;
        int n = Math.min(handled.get(), handler.length);
        long[] sorted = Stats.sortedCopy(handler, n);
        return new Run(messages / seconds, Stats.percentile(sorted, n, 0.5), Stats.percentile(sorted, n, 0.99));
      }
    }
  }

  private static long successCount(Admin admin, String topic) throws Exception {
    Map<TopicPartition, OffsetSpec> specs = new java.util.HashMap<>();
    for (int p = 0; p < 3; p++) {
      specs.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    long sum = 0;
    for (var e : admin.listOffsets(specs).all().get(30, TimeUnit.SECONDS).values()) {
      sum += e.offset();
    }
    return sum;
  }

  private static Admin admin(String bootstrap) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return Admin.create(props);
  }

}
