package dev.tidings.http.sink;

import dev.tidings.Schema;
import dev.tidings.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One exchange performed by the sink: the data of an {@code HttpExchange:1} envelope, published to the
 * sink's success stream ({@code outcome} {@code success}) or error stream ({@code error}). It carries
 * the request message's key and headers (correlation id, {@code traceparent}).
 *
 * @param request the request as sent (last attempt), with {@code Authorization} and secret headers masked
 * @param response the last response, absent when none arrived (see {@code error})
 * @param attempts how many times the request was sent (0 when it was not allowed)
 * @param startedAt when the first attempt started
 * @param durationMs from the first attempt's start to the end of the last one, in milliseconds
 * @param outcome {@code success} when the last status matched the sink's success pattern, else {@code error}
 * @param error why there is no successful response: absent when a response decided the outcome
 */
@Schema(id = "HttpExchange", version = 1)
public record HttpExchange(
    Request request,
    Optional<Response> response,
    int attempts,
    Instant startedAt,
    long durationMs,
    @Pattern(regexp = "success|error") String outcome,
    Optional<Failure> error) {

  /** The value of {@code outcome} for a successful exchange. */
  public static final String SUCCESS = "success";

  /** The value of {@code outcome} for a failed exchange. */
  public static final String ERROR = "error";

  /**
   * The request as it was sent.
   *
   * @param method the method
   * @param url the URL
   * @param headers the headers, secrets replaced by {@code ***}
   * @param body the body as text when it was valid UTF-8
   * @param bodyBase64 the body as base64 otherwise
   */
  public record Request(
      String method,
      String url,
      Map<String, List<String>> headers,
      Optional<String> body,
      Optional<String> bodyBase64) {}

  /**
   * The response.
   *
   * @param status the status code
   * @param headers the response headers
   * @param body the body as text when it was valid UTF-8
   * @param bodyBase64 the body as base64 otherwise
   * @param truncated true when the body was cut at the sink's {@code maxResponseBytes}
   */
  public record Response(
      int status,
      Map<String, List<String>> headers,
      Optional<String> body,
      Optional<String> bodyBase64,
      boolean truncated) {}

  /**
   * Why an exchange has no successful response.
   *
   * @param kind {@code connect}, {@code timeout}, {@code deadline}, {@code io}, {@code not_allowed},
   *     {@code redirect}, {@code auth} or {@code status}
   * @param message what happened, for people
   */
  public record Failure(String kind, String message) {}

  /** Whether this exchange succeeded. */
  public boolean succeeded() {
    return SUCCESS.equals(outcome);
  }
}
