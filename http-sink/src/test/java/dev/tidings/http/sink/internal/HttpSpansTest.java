package dev.tidings.http.sink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tidings.internal.tracing.TraceSpan;
import dev.tidings.internal.tracing.Tracing;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpSpansTest {
  @Test
  void theFullUrlHasNoCredentials() {
    assertEquals("https://REDACTED:REDACTED@api.example/x?a=1",
        HttpSpans.fullUrl(URI.create("https://user:pw@api.example/x?a=1")));
    assertEquals("https://api.example/x?AWSAccessKeyId=REDACTED&a=&Signature=REDACTED&sig&X-Goog-Signature=REDACTED",
        HttpSpans.fullUrl(URI.create("https://api.example/x?AWSAccessKeyId=AK&a=&Signature=s1&sig&X-Goog-Signature=g")));
    assertEquals("http://127.0.0.1:8080/x?signature=kept#f", HttpSpans.fullUrl(URI.create("http://127.0.0.1:8080/x?signature=kept#f")));
  }

  @Test
  void withoutTracingTheRequestKeepsItsHeaders() {
    Outgoing request = new Outgoing("POST", URI.create("http://h/x"), Map.of("traceparent", List.of("00-a-b-01")),
        new byte[0], null);
    TraceSpan span = HttpSpans.start(Tracing.NOOP, "s", request, null, 0, 1);
    assertSame(TraceSpan.NONE, span);
    assertSame(request, HttpSpans.withContext(request, span));
  }
}
