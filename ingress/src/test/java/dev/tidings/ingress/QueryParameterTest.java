package dev.tidings.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@link HttpPost#queryParameter} over a real socket: decoded names and values, first wins, bad escapes 400. */
class QueryParameterTest {
  @Test
  void queryParametersAreDecodedAndMalformedEscapesAnswered400() throws Exception {
    PostHandler echo = request -> {
      StringBuilder out = new StringBuilder();
      for (String name : new String[] {"a", "b", "flag", "name", "missing"}) {
        String value = request.queryParameter(name);
        out.append(name).append('=').append(value == null ? "<null>" : "[" + value + "]").append(';');
      }
      return CompletableFuture.completedFuture(HttpReply.json(200, "{\"echo\":\"" + out + "\"}"));
    };
    try (TidingsHttpServer server = TidingsHttpServer.builder().host("127.0.0.1").auth(Authenticator.none())
        .post("/echo", echo).start()) {
      HttpResponse<String> r = Fixtures.post(server.port(), "/echo?a=1&b=x%20y+z%C3%A9&flag&a=2&n%61me=v&=x", "{}");
      assertEquals(200, r.statusCode(), r::body);
      assertEquals("a=[1];b=[x y z\u00e9];flag=[];name=[v];missing=<null>;",
          IngressTest.json(r).get("echo").asText());

      HttpResponse<String> none = Fixtures.post(server.port(), "/echo", "{}");
      assertEquals("a=<null>;b=<null>;flag=<null>;name=<null>;missing=<null>;",
          IngressTest.json(none).get("echo").asText());

      // java.net.URI refuses to build it, so on a raw socket
      String bad = raw(server.port(), "POST /echo?a=%zz HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
          + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
      assertTrue(bad.startsWith("HTTP/1.1 400 "), bad);
      assertEquals("bad_query", IngressTest.json(bad.substring(bad.indexOf("\r\n\r\n") + 4)).at("/error/code").asText(),
          bad);
    }
  }

  private static String raw(int port, String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
