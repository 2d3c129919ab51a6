package dev.tidings.examples;

import dev.tidings.Subscribe;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Runs {@link ExecutionRequest}s in the consumer group {@code executors} (start more workers to
 * scale out, up to the partitions of {@code executions}) and answers each with an {@link
 * ExecutionResult}. The reply goes to the caller's reply stream ({@code Application.request} names
 * it); a request published without one is answered on {@code execution.results}.
 *
 * <p>A request the executor cannot run (the mean of no operands) throws; after 2 attempts the
 * caller gets a {@code Failure:1} reply with the message, and the request goes to {@code
 * executions.dlt}.
 */
public class Executor {
  private final String name;

  /** The instance the generated registration creates, named after its process. */
  public Executor() {
    this(ManagementFactory.getRuntimeMXBean().getName());
  }

  /** With a name, for tests. */
  public Executor(String name) {
    this.name = name;
  }

  @Subscribe(pattern = "executions", group = "executors", replyTo = "execution.results", maxAttempts = 2)
  public ExecutionResult execute(ExecutionRequest request) {
    return new ExecutionResult(request.jobId(), request.operation(), compute(request.operation(), request.operands()),
        request.operands().size(), name);
  }

  static double compute(ExecutionRequest.Operation operation, List<Double> operands) {
    switch (operation) {
      case SUM -> {
        return operands.stream().mapToDouble(Double::doubleValue).sum();
      }
      case PRODUCT -> {
        return operands.stream().mapToDouble(Double::doubleValue).reduce(1, (a, b) -> a * b);
      }
      case MAX -> {
        return operands.stream().mapToDouble(Double::doubleValue).max()
            .orElseThrow(() -> new IllegalArgumentException("MAX of no operands: send at least one"));
      }
      default -> {
        return operands.stream().mapToDouble(Double::doubleValue).average()
            .orElseThrow(() -> new IllegalArgumentException("MEAN of no operands: send at least one"));
      }
    }
  }
}
