package dev.tidings.examples;

import dev.tidings.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The answer to an {@link ExecutionRequest}: the same job id and the computed value.
 *
 * @param jobId the request's job id
 * @param operation what was computed
 * @param value the result
 * @param operands how many operands it was computed over
 * @param executor which executor instance answered
 */
@Schema(id = "ExecutionResult", version = 1, streams = {"execution.results"})
public record ExecutionResult(
    @NotBlank String jobId,
    ExecutionRequest.Operation operation,
    double value,
    @PositiveOrZero int operands,
    @NotBlank String executor) {}
