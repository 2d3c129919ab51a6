package dev.tidings.transport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * A test HTTP server on a real socket that speaks the ingress contract: {@code POST
 * /v1/streams/{stream}} answers 201 {@code {"topic","partition","offset","timestamp"}}, {@code
 * .../batch} answers 200 with one result per entry. Scripted answers (status, headers, body) are
 * served first, in order. It records every request.
 */
final class FakeIngress implements AutoCloseable {
  record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  record Answer(int status, Map<String, String> headers, String body, long delayMillis) {
    static Answer of(int status, String body) {
      return new Answer(status, Map.of(), body, 0);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
  private final AtomicLong offsets = new AtomicLong();
  private volatile Function<String, String> batchEntryError = envelope -> null;

  FakeIngress() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers to serve before the default ones. */
  FakeIngress then(Answer answer) {
    script.add(answer);
    return this;
  }

  /** For batch entries: the error code to refuse an entry with (by its envelope text), or null. */
  void refuseEntries(Function<String, String> errorCode) {
    this.batchEntryError = errorCode;
  }

  List<Request> requests() {
    return new ArrayList<>(requests);
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readAllBytes();
    }
    if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
        body = in.readAllBytes();
      }
    }
    requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()),
        body));
    Answer answer = script.poll();
    if (answer == null) {
      answer = defaultAnswer(ex.getRequestURI().getPath(), body);
    }
    if (answer.delayMillis() > 0) {
      try {
        Thread.sleep(answer.delayMillis()); // the server is slow on purpose: the client's timeout is under test
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    answer.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.getResponseHeaders().add("Content-Type", "application/json");
    byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
    try {
      ex.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        ex.getResponseBody().write(out);
      }
    } catch (IOException e) {
      // the client gave up (timeout test)
    }
    ex.close();
  }

  private Answer defaultAnswer(String path, byte[] body) throws IOException {
    String stream = path.replaceFirst("^/v1/streams/", "").replaceFirst("/batch$", "");
    if (!path.endsWith("/batch")) {
      return Answer.of(201, "{\"topic\":\"p." + stream + "\",\"partition\":0,\"offset\":" + offsets.getAndIncrement()
          + ",\"timestamp\":\"2026-12-04T00:00:00Z\"}");
    }
    com.fasterxml.jackson.databind.JsonNode entries = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    StringBuilder results = new StringBuilder();
    int failed = 0;
    for (int i = 0; i < entries.size(); i++) {
      String error = batchEntryError.apply(entries.get(i).path("envelope").toString());
      results.append(i == 0 ? "" : ",");
      if (error == null) {
        results.append("{\"index\":").append(i).append(",\"partition\":0,\"offset\":").append(offsets.getAndIncrement())
            .append('}');
      } else {
        failed++;
        results.append("{\"index\":").append(i).append(",\"error\":{\"code\":\"").append(error)
            .append("\",\"message\":\"data does not match the schema\",\"details\":[{\"pointer\":\"/data/qty\","
                + "\"message\":\"must be >= 1\",\"keyword\":\"minimum\"}],\"retriable\":false}}");
      }
    }
    int status = failed == entries.size() ? 422 : 200;
    return Answer.of(status, "{\"status\":\"" + (failed == 0 ? "ok" : "partial") + "\",\"summary\":{\"received\":"
        + entries.size() + ",\"successful\":" + (entries.size() - failed) + ",\"failed\":" + failed + "},\"results\":["
        + results + "]}");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
