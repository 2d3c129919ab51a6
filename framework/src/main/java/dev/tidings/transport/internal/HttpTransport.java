package dev.tidings.transport.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.PublishException;
import dev.tidings.internal.codec.Json;
import dev.tidings.transport.Delivery;
import dev.tidings.transport.OutgoingMessage;
import dev.tidings.transport.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * The {@code http} transport: POSTs envelopes to a Tidings HTTP ingress with the JDK's {@link
 * HttpClient}. One message: {@code POST {url}/v1/streams/{stream}} with the envelope as the body,
 * the key in {@code Tidings-Key} (or {@code Tidings-Key-Base64}), headers as {@code
 * Tidings-Header-<name>}, {@code traceparent} as it is and {@code tidings.request-id} as {@code
 * X-Request-ID}. With {@code
 * batch}, up to {@code size} messages of one stream collected for at most {@code linger} go in one
 * {@code POST {url}/v1/streams/{stream}/batch}. Retries are {@link HttpExchange}'s.
 */
final class HttpTransport implements Transport {
  /** The Kafka header the ingress fills from {@code X-Request-ID}; sent back as that HTTP header. */
  static final String REQUEST_ID_HEADER = "tidings.request-id";

  private final HttpSettings settings;
  private final HttpClient client;
  private final ScheduledExecutorService timer;
  private final HttpExchange exchange;
  private final Map<String, List<Pending>> buffers = new LinkedHashMap<>();
  private final Map<String, ScheduledFuture<?>> lingers = new LinkedHashMap<>();
  private final Object idle = new Object();
  private long pending;
  private volatile boolean closed;

  private record Pending(OutgoingMessage message, CompletableFuture<Delivery> result) {}

  HttpTransport(HttpSettings settings) {
    this.settings = settings;
    // HTTP/2 over TLS (negotiated); plain http stays HTTP/1.1, since an h2c upgrade per new connection
    // costs more than it gives
    this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
        .version("https".equalsIgnoreCase(settings.url().getScheme()) ? HttpClient.Version.HTTP_2
            : HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tidings-http-transport");
      t.setDaemon(true);
      return t;
    });
    this.exchange = new HttpExchange(client, settings, timer);
  }

  @Override
  public CompletionStage<Delivery> send(OutgoingMessage message) {
    if (closed) {
      return CompletableFuture.failedFuture(new PublishException("the http transport to " + settings.url()
          + " is closed", false, null));
    }
    for (OutgoingMessage.Header h : message.headers()) {
      if (h.value() != null && h.text().isEmpty()) {
        return CompletableFuture.failedFuture(new PublishException("header '" + h.name() + "' of a message for "
            + message.stream() + " is not UTF-8 text: the HTTP ingress takes text headers only", false, null));
      }
    }
    CompletableFuture<Delivery> result = new CompletableFuture<>();
    started();
    result.whenComplete((d, e) -> done());
    if (settings.batchSize() > 1 || !headerSafe(message)) {
      buffer(new Pending(message, result));
    } else {
      sendOne(message, result);
    }
    return result;
  }

  private void sendOne(OutgoingMessage m, CompletableFuture<Delivery> result) {
    URI uri = streamUri(m.stream(), "");
    HttpRequest.Builder request = request(uri, m.envelope());
    if (m.key() != null) {
      Optional<String> text = OutgoingMessage.Header.text(m.key()).filter(HttpTransport::printableAscii);
      if (text.isPresent()) {
        request.header("Tidings-Key", text.get());
      } else {
        request.header("Tidings-Key-Base64", Base64.getEncoder().encodeToString(m.key()));
      }
    }
    for (OutgoingMessage.Header h : m.headers()) {
      if (h.value() == null) {
        continue;
      }
      String name = h.name().toLowerCase(Locale.ROOT);
      String value = h.text().orElseThrow();
      if (name.equals("traceparent") || name.equals("tracestate")) {
        request.header(h.name(), value);
      } else if (name.equals(REQUEST_ID_HEADER)) {
        request.header("X-Request-ID", value);
      } else {
        request.header("Tidings-Header-" + h.name(), value);
      }
    }
    exchange.post(uri, request.build()).whenComplete((response, error) -> {
      if (error != null) {
        result.completeExceptionally(error);
      } else if (response.statusCode() / 100 == 2) {
        result.complete(HttpAnswers.stored(m.stream(), response.statusCode(), response.body()));
      } else {
        result.completeExceptionally(HttpAnswers.refused("the ingress at " + uri + " refused the message",
            response.statusCode(), response.body()));
      }
    });
  }

  private HttpRequest.Builder request(URI uri, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
        .header("Content-Type", "application/json");
    settings.authorization().ifPresent(a -> request.header("Authorization", a));
    settings.headers().forEach(request::header);
    if (settings.gzip()) {
      request.header("Content-Encoding", "gzip");
      body = gzip(body);
    }
    return request.POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  private void buffer(Pending p) {
    List<Pending> ready = null;
    synchronized (buffers) {
      List<Pending> list = buffers.computeIfAbsent(p.message().stream(), s -> new ArrayList<>());
      list.add(p);
      if (list.size() >= settings.batchSize()) {
        ready = take(p.message().stream());
      } else if (list.size() == 1) {
        String stream = p.message().stream();
        lingers.put(stream, timer.schedule(() -> flushStream(stream), settings.linger().toMillis(), TimeUnit.MILLISECONDS));
      }
    }
    if (ready != null) {
      sendBatch(p.message().stream(), ready);
    }
  }

  private List<Pending> take(String stream) {
    ScheduledFuture<?> linger = lingers.remove(stream);
    if (linger != null) {
      linger.cancel(false);
    }
    return buffers.remove(stream);
  }

  private void flushStream(String stream) {
    List<Pending> ready;
    synchronized (buffers) {
      ready = take(stream);
    }
    if (ready != null && !ready.isEmpty()) {
      sendBatch(stream, ready);
    }
  }

  private void sendBatch(String stream, List<Pending> batch) {
    URI uri = streamUri(stream, "/batch");
    byte[] body = batchBody(batch);
    exchange.post(uri, request(uri, body).build()).whenComplete((response, error) -> {
      if (error != null) {
        batch.forEach(p -> p.result().completeExceptionally(error));
        return;
      }
      int status = response.statusCode();
      JsonNode answer = HttpAnswers.json(response.body());
      JsonNode results = answer == null ? null : answer.path("results");
      if ((status == 200 || status == 207 || status == 422) && results != null && results.isArray()) {
        complete(stream, uri, batch, status, results);
      } else if (status / 100 == 2) {
        batch.forEach(p -> p.result().complete(new Delivery("http", stream, -1, -1, status)));
      } else {
        PublishException refused = HttpAnswers.refused("the ingress at " + uri + " refused a batch of "
            + batch.size(), status, response.body());
        batch.forEach(p -> p.result().completeExceptionally(refused));
      }
    });
  }

  private static void complete(String stream, URI uri, List<Pending> batch, int status, JsonNode results) {
    boolean[] answered = new boolean[batch.size()];
    for (JsonNode r : results) {
      int index = r.path("index").asInt(-1);
      if (index < 0 || index >= batch.size() || answered[index]) {
        continue;
      }
      answered[index] = true;
      CompletableFuture<Delivery> f = batch.get(index).result();
      if (r.has("error")) {
        f.completeExceptionally(HttpAnswers.entryRefused("the ingress at " + uri + " refused entry " + index
            + " of a batch", r.get("error")));
      } else {
        f.complete(new Delivery("http", r.path("topic").asText(stream), r.path("partition").asInt(-1),
            r.path("offset").asLong(-1), status));
      }
    }
    for (int i = 0; i < batch.size(); i++) {
      if (!answered[i]) {
        batch.get(i).result().completeExceptionally(new PublishException("the ingress at " + uri
            + " answered no result for entry " + i + " of a batch; it may or may not be stored", true, null));
      }
    }
  }

  private static byte[] batchBody(List<Pending> batch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
      g.writeStartArray();
      for (Pending p : batch) {
        OutgoingMessage m = p.message();
        g.writeStartObject();
        if (m.key() != null) {
          Optional<String> text = OutgoingMessage.Header.text(m.key());
          if (text.isPresent()) {
            g.writeStringField("key", text.get());
          } else {
            g.writeStringField("keyBase64", Base64.getEncoder().encodeToString(m.key()));
          }
        }
        if (!m.headers().isEmpty()) {
          g.writeObjectFieldStart("headers");
          for (OutgoingMessage.Header h : m.headers()) {
            if (h.value() != null) {
              g.writeStringField(h.name(), h.text().orElseThrow());
            }
          }
          g.writeEndObject();
        }
        g.writeFieldName("envelope");
        g.writeRawValue(new String(m.envelope(), StandardCharsets.UTF_8));
        g.writeEndObject();
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private URI streamUri(String stream, String suffix) {
    return URI.create(settings.url() + "/v1/streams/" + stream + suffix);
  }

  /** Whether the key and headers can go into HTTP headers as they are (else the message goes as a batch of one). */
  private static boolean headerSafe(OutgoingMessage m) {
    for (OutgoingMessage.Header h : m.headers()) {
      if (h.value() != null && !printableAscii(h.text().orElse("")) || !h.name().chars().allMatch(HttpTransport::token)) {
        return false;
      }
    }
    return true;
  }

  private static boolean printableAscii(String s) {
    return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  private static boolean token(int c) {
    return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2 + 32);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void started() {
    synchronized (idle) {
      pending++;
    }
  }

  private void done() {
    synchronized (idle) {
      if (--pending == 0) {
        idle.notifyAll();
      }
    }
  }

  @Override
  public boolean flush(Duration timeout) {
    List<String> streams;
    synchronized (buffers) {
      streams = new ArrayList<>(buffers.keySet());
    }
    streams.forEach(this::flushStream);
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (pending > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          idle.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public String type() {
    return "http";
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    flush(settings.timeout().multipliedBy(2));
    timer.shutdownNow();
  }

  @Override
  public String toString() {
    return "http transport (" + settings + ")";
  }
}
