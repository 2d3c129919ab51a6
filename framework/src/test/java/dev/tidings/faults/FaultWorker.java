package dev.tidings.faults;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.Router;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * A worker process for the kill test: handles {@link Msg}s of one stream by appending each id as a
 * line to a file (written before the handler returns, so it survives a SIGKILL of this process),
 * and closes the application gracefully on SIGTERM.
 *
 * <p>Arguments: bootstrap servers, topic prefix, stream, group, output file.
 */
public final class FaultWorker {
  private FaultWorker() {}

  public static void main(String[] args) throws Exception {
    String servers = args[0];
    String prefix = args[1];
    String stream = args[2];
    String group = args[3];
    FileOutputStream out = new FileOutputStream(args[4], true);
    Router router = Msg.router();
    router.subscribe(stream, group).concurrency(3).on(Msg.class, (msg, ctx) -> {
      LockSupport.parkNanos(50_000);
      append(out, msg.id());
    });
    Application app = Application.create(ApplicationOptions.builder().kafkaServers(servers).topicPrefix(prefix)
        .commitInterval(Duration.ofMillis(200)).consumerSetting("session.timeout.ms", 6000).build());
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

  private static synchronized void append(FileOutputStream out, long id) throws IOException {
    out.write((id + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
