package dev.tidings;

import dev.tidings.Fixtures.Foo;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A worker process for the kill test of queue subscriptions: two share consumers that handle each
 * {@link Foo} slowly (20 ms) and append its {@code bar} to a file when done (and to the file's
 * {@code .started} sibling when they begin).
 *
 * <p>Once it has handled {@value #STALL_AFTER} records its handlers hang, so that when the test
 * kills it the process certainly holds acquired records it never acknowledged.
 *
 * <p>Arguments: bootstrap servers, topic prefix, stream, group, output file.
 */
public final class ShareWorker {
  static final int STALL_AFTER = 40;
  private static final AtomicInteger HANDLED = new AtomicInteger();

  private ShareWorker() {}

  public static void main(String[] args) throws Exception {
    FileOutputStream out = new FileOutputStream(args[4], true);
    FileOutputStream started = new FileOutputStream(args[4] + ".started", true);
    Router router = Fixtures.router();
    router.subscribe(args[2], args[3]).mode(SubscriptionMode.SHARE).concurrency(2).on(Foo.class, (foo, ctx) -> {
      append(started, foo.bar());
      LockSupport.parkNanos(20_000_000);
      if (HANDLED.get() >= STALL_AFTER) {
        new CountDownLatch(1).await(); // hangs until the test kills the process
      }
      HANDLED.incrementAndGet();
      append(out, foo.bar());
    });
    Application app = Application.create(ApplicationOptions.builder().kafkaServers(args[0]).topicPrefix(args[1])
        .consumerSetting("max.poll.records", 20).build());
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.close();
      closed.countDown();
    }));
    app.mount(router).start();
    System.out.println("worker started");
    System.out.flush();
    closed.await();
  }

  private static synchronized void append(FileOutputStream out, String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
