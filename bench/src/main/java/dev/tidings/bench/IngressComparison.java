package dev.tidings.bench;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.PublishResult;
import dev.tidings.Router;
import dev.tidings.SchemaDefinition;
import dev.tidings.ingress.Authenticator;
import dev.tidings.ingress.Ingress;
import dev.tidings.testkit.EmbeddedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP ingress against direct publishing, in one run on one in-process broker: keep-alive JDK
 * HttpClient connections (1, 16, 64; one thread each, one request at a time per connection) posting
 * single envelopes and batches of 100, next to {@code Application.publishEnvelope} of the same
 * envelopes (same validation and bytes) with up to 10,000 in flight. Every HTTP answer is a 201/200
 * after the broker's ack (acks=all). Prints a markdown table.
 *
 * <p>{@code java -cp ... dev.tidings.bench.IngressComparison [--seconds S]}
 */
public final class IngressComparison {
  record Order(String id, int qty, String customer) {}

  static final String SCHEMA = """
      {"type":"object","properties":{"id":{"type":"string","minLength":1},"qty":{"type":"integer","minimum":1},
       "customer":{"type":"string"}},"required":["id","qty","customer"]}""";

  private IngressComparison() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length >= 2 && args[0].equals("--seconds") ? Integer.parseInt(args[1]) : 8;
    try (EmbeddedKafka broker = EmbeddedKafka.builder().quiet(true).start();
        Application app = Application.create(ApplicationOptions.builder().kafkaServers(broker.bootstrapServers())
            .partitions(3).build())
            .mount(new Router().schema(SchemaDefinition.of(Order.class, "Order", 1, SCHEMA)));
        Ingress ingress = Ingress.builder(app).host("127.0.0.1").auth(Authenticator.none())
            .maxInFlightRequests(4096).start()) {
      List<String> rows = new ArrayList<>();
      rows.add("| variant | connections | requests/s | messages/s | p50 ms | p99 ms |");
      rows.add("|---|---|---|---|---|---|");
      // warm-up: JIT, topic creation, connections
      direct(app, "warm", 2);
      http(ingress.port(), "warm", 16, 1, 3);
      http(ingress.port(), "warm", 16, 100, 2);
      rows.add(direct(app, "direct", seconds));
      for (int connections : new int[] {1, 16, 64}) {
        rows.add(http(ingress.port(), "single", connections, 1, seconds));
      }
      for (int connections : new int[] {1, 16, 64}) {
        rows.add(http(ingress.port(), "batch100", connections, 100, seconds));
      }
      rows.add(direct(app, "direct (again)", seconds));
      rows.forEach(System.out::println);
    }
  }

  static byte[] envelope(long n) {
    return ("{\"schema\":\"Order:1\",\"data\":{\"id\":\"o-" + n + "\",\"qty\":" + (1 + n % 9)
        + ",\"customer\":\"customer-" + (n % 1000) + "\"}}").getBytes(StandardCharsets.UTF_8);
  }

  static String direct(Application app, String label, int seconds) throws Exception {
    Semaphore window = new Semaphore(10_000);
    AtomicLong done = new AtomicLong();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    long n = 0;
    while (System.nanoTime() < end) {
      window.acquire();
      CompletableFuture<PublishResult> f = app.publishEnvelope("bench.direct", envelope(n++), null, Map.of());
      f.whenComplete((r, e) -> {
        done.incrementAndGet();
        window.release();
      });
    }
    window.acquire(10_000);
    double elapsed = (System.nanoTime() - start) / 1e9;
    return "| " + label + " (publishEnvelope, 10,000 in flight) | – | – | " + String.format("%,.0f", done.get() / elapsed)
        + " | – | – |";
  }

  static String http(int port, String label, int connections, int batch, int seconds) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Runnable::run).build();
    URI uri = URI.create("http://127.0.0.1:" + port + "/v1/streams/bench.http" + (batch > 1 ? "/batch" : ""));
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<long[]> latencies = new ArrayList<>();
    long[] counts = new long[connections];
    long[] failures = new long[connections];
    Thread[] threads = new Thread[connections];
    long start = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      int id = c;
      long[] lat = new long[300_000];
      latencies.add(lat);
      threads[c] = new Thread(() -> {
        long seq = (long) id << 40;
        int i = 0;
        while (System.nanoTime() < end && i < lat.length) {
          byte[] body;
          if (batch == 1) {
            body = envelope(seq++);
          } else {
            StringBuilder b = new StringBuilder(batch * 90).append('[');
            for (int k = 0; k < batch; k++) {
              b.append(k == 0 ? "" : ",").append(new String(envelope(seq++), StandardCharsets.UTF_8));
            }
            body = b.append(']').toString().getBytes(StandardCharsets.UTF_8);
          }
          long t0 = System.nanoTime();
          try {
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != (batch == 1 ? 201 : 200)) {
              failures[id]++;
            }
          } catch (Exception e) {
            failures[id]++;
          }
          lat[i++] = System.nanoTime() - t0;
        }
        counts[id] = i;
      }, "bench-http-" + c);
      threads[c].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long total = Arrays.stream(counts).sum();
    long failed = Arrays.stream(failures).sum();
    long[] all = new long[(int) total];
    int at = 0;
    for (int c = 0; c < connections; c++) {
      System.arraycopy(latencies.get(c), 0, all, at, (int) counts[c]);
      at += (int) counts[c];
    }
    Arrays.sort(all);
    double p50 = all.length == 0 ? 0 : all[all.length / 2] / 1e6;
    double p99 = all.length == 0 ? 0 : all[(int) Math.min(all.length - 1, Math.floor(all.length * 0.99))] / 1e6;
    return "| " + label + (failed > 0 ? " (" + failed + " failed)" : "") + " | " + connections + " | "
        + String.format("%,.0f", total / elapsed) + " | " + String.format("%,.0f", total * batch / elapsed) + " | "
        + String.format("%.2f", p50) + " | " + String.format("%.2f", p99) + " |";
  }
}
