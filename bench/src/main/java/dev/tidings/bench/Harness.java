package dev.tidings.bench;

import dev.tidings.testkit.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The end-to-end benchmarks: publish throughput, consume throughput and latency, each Tidings
 * against the raw Kafka clients, A/B interleaved in one JVM against one broker (in-process by
 * default, {@code --bootstrap} for a real cluster). Prints markdown tables on standard output and
 * progress on standard error. {@code bench/run} runs one JVM per comparison.
 */
public final class Harness {
  private Harness() {}

  public static void main(String[] args) {
    int status;
    try {
      status = run(Settings.parse(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      status = 2;
    }
    System.exit(status);
  }

  static int run(Settings settings) {
    EmbeddedKafka kafka = null;
    try {
      String bootstrap = settings.bootstrap;
      if (bootstrap == null) {
        long start = System.nanoTime();
        kafka = EmbeddedKafka.start();
        bootstrap = kafka.bootstrapServers();
        progress("in-process broker at %s, ready in %.1f s", bootstrap, (System.nanoTime() - start) / 1e9);
      }
      StringBuilder out = new StringBuilder();
      try (Env env = new Env(bootstrap, settings)) {
        for (String comparison : settings.comparisons) {
          String section = switch (comparison) {
            case "publish" -> new PublishComparison(env).run();
            case "consume" -> new ConsumeComparison(env).run();
            case "transport" -> new TransportComparison(env).run();
            case "http" -> new HttpTransportComparison(env).run();
            case "request" -> new RequestReplyComparison(env).run();
            case "queue" -> new QueueComparison(env).run();
            default -> new LatencyComparison(env).run();
          };
          System.out.print(section);
          System.out.flush();
          out.append(section);
        }
      }
      if (settings.out != null) {
        Files.writeString(Path.of(settings.out), out, StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
      return 0;
    } catch (Exception e) {
      System.err.println("benchmark failed: " + e);
      e.printStackTrace();
      return 1;
    } finally {
      if (kafka != null) {
        kafka.close();
      }
    }
  }

  static void progress(String format, Object... args) {
    System.err.println("  " + String.format(Locale.ROOT, format, args));
  }
}
