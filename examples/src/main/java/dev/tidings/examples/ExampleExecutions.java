package dev.tidings.examples;

import dev.tidings.Application;
import dev.tidings.RemoteFailureException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a sample {@link ExecutionRequest} every {@code interval} with {@code Application.request}
 * on a daemon thread and logs the {@link ExecutionResult} (every fifth request asks for the mean of
 * nothing, to show a {@code Failure:1} reply).
 */
public final class ExampleExecutions implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ExampleExecutions.class);

  private final Application app;
  private final Duration interval;
  private final Thread thread;
  private volatile boolean running = true;

  private ExampleExecutions(Application app, Duration interval) {
    this.app = app;
    this.interval = interval;
    this.thread = new Thread(this::run, "tidings-example-executions");
    thread.setDaemon(true);
  }

  /** Starts requesting; {@link #close()} stops. */
  public static ExampleExecutions start(Application app, Duration interval) {
    ExampleExecutions executions = new ExampleExecutions(app, interval);
    executions.thread.start();
    return executions;
  }

  /** The sample request number {@code n}. */
  public static ExecutionRequest request(long n) {
    if (n % 5 == 0) {
      return new ExecutionRequest("job-" + n, ExecutionRequest.Operation.MEAN, List.of());
    }
    ExecutionRequest.Operation op = ExecutionRequest.Operation.values()[(int) (n % 4)];
    return new ExecutionRequest("job-" + n, op, List.of((double) n, 2.0, 3.5));
  }

  private void run() {
    long n = 0;
    while (running) {
      n++;
      ExecutionRequest request = request(n);
      try {
        ExecutionResult result = app.request("executions", request,
            request.jobId().getBytes(StandardCharsets.UTF_8), ExecutionResult.class, Duration.ofSeconds(30)).join();
        log.info("{} {} {} = {} (by {})", request.jobId(), request.operation(), request.operands(), result.value(),
            result.executor());
      } catch (CompletionException e) {
        if (e.getCause() instanceof RemoteFailureException failure) {
          log.info("{} failed remotely: {}", request.jobId(), failure.failure().message());
        } else {
          log.warn("{} got no result: {}", request.jobId(), String.valueOf(e.getCause()));
        }
      } catch (RuntimeException e) {
        log.warn("{} could not be sent: {}", request.jobId(), e.toString());
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Stops the loop and waits for the thread, at most {@code interval + 35 s}. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(interval.plusSeconds(35).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
