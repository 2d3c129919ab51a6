package dev.tidings.logging.bench;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.tidings.logging.KafkaAppender;
import dev.tidings.logging.KafkaHandler;
import dev.tidings.testkit.EmbeddedKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.LoggerFactory;

/**
 * What one log call costs the calling thread, as a distribution (p50, p99, ...):
 *
 * <ul>
 *   <li>{@code logbackAsyncNoop}: Logback's own {@code AsyncAppender} (defaults: queue 256, never
 *       dropping WARN) in front of an appender that does nothing, the floor of any asynchronous
 *       Logback appender;
 *   <li>{@code kafkaAppenderUp} / {@code kafkaAppenderDown}: {@link KafkaAppender} with a running
 *       in-process broker, and with servers that refuse connections;
 *   <li>{@code julHandlerUp} / {@code julHandlerDown}: the same for {@link KafkaHandler}.
 * </ul>
 *
 * <p>The call is {@code log.info("order {} shipped to {}", n, "warehouse-7")}. The appenders keep
 * their default queue size (8192); when the background thread cannot keep up (always, with the
 * broker down) calls take the drop path, which is part of what is measured. Counters are printed
 * at the end of each trial.
 *
 * <pre>
 * mvn -B -pl logging-ext -Pbench package
 * java -jar logging-ext/target/benchmarks.jar CallerCostBenchmark -f 1 -wi 1 -w 3s -i 1 -r 5s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class CallerCostBenchmark {
  @Param({"logbackAsyncNoop", "kafkaAppenderUp", "kafkaAppenderDown", "julHandlerUp", "julHandlerDown"})
  public String target;

  private EmbeddedKafka kafka;
  private LoggerContext context;
  private org.slf4j.Logger slf4j;
  private java.util.logging.Logger jul;
  private KafkaAppender kafkaAppender;
  private KafkaHandler handler;
  private AsyncAppender async;
  private long n;

  /** An appender that does nothing. */
  static final class Noop extends UnsynchronizedAppenderBase<ILoggingEvent> {
    @Override
    protected void append(ILoggingEvent event) {}
  }

  @Setup
  public void setUp() throws IOException {
    // The broker logs through SLF4J's default context; keep it quiet so that it does not compete for the CPU.
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        .setLevel(ch.qos.logback.classic.Level.WARN);
    String servers = target.endsWith("Up") ? startBroker() : refusedAddress();
    context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    context.start();
    ch.qos.logback.classic.Logger logger = context.getLogger("bench.orders");
    logger.setAdditive(false);
    logger.setLevel(ch.qos.logback.classic.Level.INFO);
    slf4j = logger;
    switch (target) {
      case "logbackAsyncNoop" -> {
        Noop noop = new Noop();
        noop.setContext(context);
        noop.start();
        async = new AsyncAppender();
        async.setContext(context);
        async.addAppender(noop);
        async.start();
        logger.addAppender(async);
      }
      case "kafkaAppenderUp", "kafkaAppenderDown" -> {
        kafkaAppender = new KafkaAppender();
        kafkaAppender.setContext(context);
        kafkaAppender.setName("KAFKA");
        kafkaAppender.setServers(servers);
        kafkaAppender.setStream("bench-logs");
        kafkaAppender.setCloseTimeoutMillis(2000);
        kafkaAppender.start();
        if (!kafkaAppender.isStarted()) {
          throw new IllegalStateException("KafkaAppender did not start: " + context.getStatusManager().getCopyOfStatusList());
        }
        logger.addAppender(kafkaAppender);
      }
      case "julHandlerUp", "julHandlerDown" -> {
        handler = new KafkaHandler(servers, "bench-logs");
        handler.setCloseTimeoutMillis(2000);
        jul = java.util.logging.Logger.getLogger("bench.orders.jul");
        jul.setUseParentHandlers(false);
        jul.setLevel(Level.INFO);
        jul.addHandler(handler);
      }
      default -> throw new IllegalArgumentException(target);
    }
  }

  private String startBroker() {
    kafka = EmbeddedKafka.start();
    return kafka.bootstrapServers();
  }

  private static String refusedAddress() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "127.0.0.1:" + socket.getLocalPort();
    }
  }

  @Benchmark
  public void logCall() {
    long i = n++;
    if (jul != null) {
      jul.log(Level.INFO, "order {0} shipped to {1}", new Object[] {i, "warehouse-7"});
    } else {
      slf4j.info("order {} shipped to {}", i, "warehouse-7");
    }
  }

  @TearDown
  public void tearDown() {
    if (kafkaAppender != null) {
      System.out.println("\n" + target + ": " + kafkaAppender.stats());
      kafkaAppender.stop();
    }
    if (handler != null) {
      System.out.println("\n" + target + ": " + handler.stats());
      jul.removeHandler(handler);
      handler.close();
    }
    if (async != null) {
      async.stop();
    }
    long errors = context.getStatusManager().getCopyOfStatusList().stream()
        .filter(st -> st.getLevel() == ch.qos.logback.core.status.Status.ERROR).count();
    if (errors > 0) {
      System.out.println("\n" + target + ": " + errors + " Logback errors, e.g. "
          + context.getStatusManager().getCopyOfStatusList().get(0));
    }
    context.stop();
    if (kafka != null) {
      kafka.close();
    }
  }
}
