package dev.tidings.http.sink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/** A Jetty 12 server on 127.0.0.1 that answers scripted replies per path and records every request. */
final class TestServer implements AutoCloseable {
  /** A loopback port nothing listens on (it was free a moment ago): connecting to it is refused. */
  static int closedPort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** What the server answers. */
  record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
    static Reply of(int status, String body) {
      return new Reply(status, Map.of(), body, 0);
    }
  }

  /** One request the server received. */
  record Received(String method, String path, Map<String, String> headers, String body, long nanos) {
    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);
  private final Map<String, Deque<Reply>> scripts = new HashMap<>();
  private final List<Received> received = new ArrayList<>();
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile Function<Received, Reply> dynamic;

  TestServer() throws Exception {
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
          String body = Content.Source.asString(request, StandardCharsets.UTF_8);
          Map<String, String> headers = new HashMap<>();
          for (HttpField f : request.getHeaders()) {
            headers.merge(f.getLowerCaseName(), f.getValue(), (a, b) -> a + "," + b);
          }
          String path = request.getHttpURI().getPath();
          Received r = new Received(request.getMethod(), path, headers, body, System.nanoTime());
          Reply reply = replyFor(r);
          if (reply.delayMillis() > 0) {
            stopping.await(reply.delayMillis(), TimeUnit.MILLISECONDS);
          }
          response.setStatus(reply.status());
          reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
          Content.Sink.write(response, true, reply.body(), callback);
          return true;
        } finally {
          inFlight.decrementAndGet();
        }
      }
    });
    server.start();
  }

  private Reply replyFor(Received r) {
    Function<Received, Reply> d = dynamic;
    synchronized (this) {
      received.add(r);
      Deque<Reply> script = scripts.get(r.path());
      if (script != null && !script.isEmpty()) {
        return script.size() > 1 ? script.poll() : script.peek();
      }
    }
    return d != null ? d.apply(r) : Reply.of(200, "ok");
  }

  /** Answers requests to {@code path} with these replies in turn, the last one from then on. */
  synchronized TestServer script(String path, Reply... replies) {
    scripts.put(path, new ArrayDeque<>(List.of(replies)));
    return this;
  }

  /** Answers every unscripted request with {@code replies}. */
  TestServer answer(Function<Received, Reply> replies) {
    this.dynamic = replies;
    return this;
  }

  String url(String path) {
    return "http://127.0.0.1:" + connector.getLocalPort() + path;
  }

  int port() {
    return connector.getLocalPort();
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  synchronized List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  @Override
  public void close() throws Exception {
    stopping.countDown();
    server.stop();
  }
}
