package dev.tidings.worker.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code worker healthcheck [--url URL]}: exit code 0 when a running worker's health endpoint
 * answers 200, 1 otherwise. For container probes ({@code HEALTHCHECK CMD worker healthcheck}).
 */
@Command(name = "healthcheck", mixinStandardHelpOptions = true,
    description = "Exits 0 when a running worker's health endpoint answers 200, 1 otherwise (container probes).")
public final class HealthcheckCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--url", paramLabel = "URL",
      description = "The endpoint to ask. Default: http://127.0.0.1:<--http-port or TIDINGS_HTTP_PORT>/health/ready.")
  URI url;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "5s",
      description = "How long to wait for the answer. Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Override
  public Integer call() throws InterruptedException {
    Console console = Console.of(spec);
    URI target = url != null ? url : defaultUrl();
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        console.out("healthy: " + target + " answered 200 " + response.body());
        return ExitCode.OK;
      }
      console.err("unhealthy: " + target + " answered " + response.statusCode() + " " + response.body());
      return ExitCode.FAILURE;
    } catch (HttpTimeoutException e) {
      console.err("unhealthy: " + target + " did not answer within " + DurationConverter.format(timeout));
      return ExitCode.FAILURE;
    } catch (IOException e) {
      console.err("unhealthy: cannot reach " + target + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      return ExitCode.FAILURE;
    }
  }

  private URI defaultUrl() {
    int port = WorkerOptions.of(spec).httpPort();
    if (port <= 0) {
      throw new ParameterException(spec.commandLine(), "no --url and no HTTP port: pass --url"
          + " http://host:port/health/ready, or --http-port / TIDINGS_HTTP_PORT as the worker runs with");
    }
    return URI.create("http://127.0.0.1:" + port + "/health/ready");
  }
}
