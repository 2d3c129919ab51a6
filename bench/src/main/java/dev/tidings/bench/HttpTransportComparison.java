package dev.tidings.bench;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.ingress.Authenticator;
import dev.tidings.ingress.Ingress;
import dev.tidings.transport.TransportConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Messages per second from {@code Application.publish} through the http transport to the ingress
 * (in this JVM, on loopback), which publishes them to the broker: one message per request, and
 * batches through the batch endpoint. At most {@code WINDOW} messages (or the mode's own number)
 * are unanswered at a time.
 */
final class HttpTransportComparison {
  private static final int WINDOW = 512;

  private final Env env;

  HttpTransportComparison(Env env) {
    this.env = env;
  }

  String run() throws Exception {
    int rounds = env.settings.rounds(3);
    int n = env.settings.quick ? 5_000 : 50_000;
    String[][] modes = {
      {"one per request, 1 in flight", "", "1"},
      {"one per request, 16 in flight", "", "16"},
      {"one per request", ""},
      {"batch 100, linger 5ms", "batch: {size: 100, linger: 5ms}\n"},
      {"batch 500, linger 5ms", "batch: {size: 500, linger: 5ms}\n"},
      {"batch 500 + gzip", "batch: {size: 500, linger: 5ms}\ncompression: gzip\n"},
    };
    Table table = new Table("http transport → ingress (" + String.format("%,d", n) + " messages per trial, "
        + rounds + " rounds, messages/s)", "shape", "mode", "messages/s");
    try (Application server = Application.create(env.options().build())) {
      server.mount(Env.router());
      try (Ingress ingress = Ingress.builder(server).host("127.0.0.1").auth(Authenticator.none()).start()) {
        for (Shape shape : env.settings.shapes) {
          Record[] pool = shape.pool(1024, 7);
          for (String[] mode : modes) {
            ApplicationOptions options = ApplicationOptions.builder().transport(TransportConfig.parse(
                "type: http\nurl: http://127.0.0.1:" + ingress.port() + "\n" + mode[1])).build();
            List<Double> rates = new ArrayList<>();
            try (Application app = Application.create(options)) {
              app.mount(Env.router());
              String stream = "http-" + shape.label();
              for (int round = -1; round < rounds; round++) {
                int window = mode.length > 2 ? Integer.parseInt(mode[2]) : WINDOW;
                double rate = trial(app, stream, pool, window == 1 ? Math.min(n, 2_000) : n, window);
                Harness.progress("http %s %s round %s: %,.0f messages/s", shape.label(), mode[0],
                    round < 0 ? "warm-up" : String.valueOf(round + 1), rate);
                if (round >= 0) {
                  rates.add(rate);
                }
              }
            }
            table.row(shape.label(), mode[0], Stats.medianSpread(rates));
          }
        }
      }
    }
    table.note("Publisher, ingress and broker share this JVM and its cores; every message is validated by the"
        + " publisher and again by the ingress. A trial ends when every message is answered; a failed one voids it.");
    return table.toString();
  }

  private static double trial(Application app, String stream, Record[] pool, int n, int inFlight)
      throws InterruptedException {
    Semaphore window = new Semaphore(inFlight);
    AtomicLong failed = new AtomicLong();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      window.acquire();
      app.publish(stream, pool[i & (pool.length - 1)]).whenComplete((r, e) -> {
        if (e != null) {
          failed.incrementAndGet();
        }
        window.release();
      });
    }
    window.acquire(inFlight);
    double rate = n * 1e9 / (System.nanoTime() - start);
    window.release(inFlight);
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " of " + n + " publishes failed: the figures are void");
    }
    return rate;
  }
}
