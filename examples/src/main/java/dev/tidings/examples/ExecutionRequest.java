package dev.tidings.examples;

import dev.tidings.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A request to run a small computation, sent with the job id as the Kafka key so that the requests
 * of one job stay in order on one partition. The same payload could be posted to an HTTP execute
 * endpoint; over Kafka it is answered by an {@link ExecutionResult} on the caller's reply stream.
 *
 * @param jobId the caller's id of the job, e.g. {@code job-17}
 * @param operation what to compute over the operands
 * @param operands the numbers, 0 to 1000 of them
 */
@Schema(id = "ExecutionRequest", version = 1, streams = {"executions"})
public record ExecutionRequest(@NotBlank String jobId, Operation operation, @Size(max = 1000) List<Double> operands) {

  /** The computations an {@link Executor} knows. */
  public enum Operation {
    SUM,
    PRODUCT,
    MAX,
    MEAN
  }
}
