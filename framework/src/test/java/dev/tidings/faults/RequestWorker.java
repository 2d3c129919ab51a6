package dev.tidings.faults;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.Router;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * A serving process for the request/reply kill test: answers each {@link Msg} request with the same
 * id and its own name as the note, taking about 5 ms per request.
 *
 * <p>Arguments: bootstrap servers, topic prefix, stream, group, name.
 */
public final class RequestWorker {
  private RequestWorker() {}

  public static void main(String[] args) throws Exception {
    String name = args[4];
    Router router = Msg.router();
    router.subscribe(args[2], args[3]).onRequest(Msg.class, (msg, ctx) -> {
      LockSupport.parkNanos(5_000_000);
      return CompletableFuture.completedFuture(new Msg(msg.id(), name));
    });
    Application app = Application.create(ApplicationOptions.builder().kafkaServers(args[0]).topicPrefix(args[1])
        .commitInterval(Duration.ofMillis(200)).consumerSetting("session.timeout.ms", 6000)
        .consumerSetting("metadata.max.age.ms", 1000).build());
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.close();
      closed.countDown();
    }));
    app.mount(router).start();
    System.out.println("worker " + name + " started");
    System.out.flush();
    closed.await();
  }
}
