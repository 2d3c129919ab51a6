package dev.tidings.ingress;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.Router;
import dev.tidings.SchemaDefinition;
import dev.tidings.testkit.TestKafka;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

/** A small application and an HTTP client for the ingress's tests. */
final class Fixtures {
  private Fixtures() {}

  record Order(String id, int qty) {}

  record Note(String text) {}

  static final String ORDER_SCHEMA = """
      {"type":"object","properties":{"id":{"type":"string","minLength":1},
       "qty":{"type":"integer","minimum":1}},"required":["id","qty"],"additionalProperties":false}""";

  static final String NOTE_SCHEMA = """
      {"type":"object","properties":{"text":{"type":"string"}},"required":["text"]}""";

  static Router router() {
    return new Router()
        .schema(SchemaDefinition.of(Order.class, "Order", 1, ORDER_SCHEMA))
        .schema(SchemaDefinition.of(Note.class, "Note", 1, NOTE_SCHEMA));
  }

  static Application app(TestKafka kafka) {
    return app(kafka.bootstrapServers(), kafka.topicPrefix());
  }

  static Application app(String servers, String prefix) {
    return Application.create(ApplicationOptions.builder().kafkaServers(servers).topicPrefix(prefix)
        .shutdownTimeout(Duration.ofSeconds(5)).build()).mount(router());
  }

  static String order(String id, int qty) {
    return "{\"schema\":\"Order:1\",\"data\":{\"id\":\"" + id + "\",\"qty\":" + qty + "}}";
  }

  static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  static HttpResponse<String> post(int port, String path, String body, String... headers) {
    return post(port, path, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  static HttpResponse<String> post(int port, String path, byte[] body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    boolean typed = false;
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
      typed |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (!typed) {
      b.header("Content-Type", "application/json");
    }
    return send(b.build());
  }

  static HttpResponse<String> get(int port, String path) {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String header(org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> record, String name) {
    var h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
