package dev.tidings.http.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.ConfigurationException;
import dev.tidings.config.TidingsConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkConfigsTest {
  private static List<HttpSink> sinks(String yaml) {
    return SinkConfigs.from(TidingsConfig.parse(yaml, "sink.yaml"), Map.of("TOKEN", "t0k3n"));
  }

  private static String failure(String yaml) {
    return assertThrows(ConfigurationException.class, () -> sinks(yaml)).getMessage();
  }

  @Test
  void everyKeyReachesTheSink() {
    List<HttpSink> all = sinks(String.join("\n",
        "sinks:",
        "  - name: pay",
        "    mode: requests",
        "    pattern: pay.requests",
        "    allow: [api.example, \"https://hooks.example/v1/\"]",
        "    success: \"2..|304\"",
        "    retry: \"429|503\"",
        "    backoff: {initial: 100ms, max: 5s, multiplier: 3, maxAttempts: 4}",
        "    timeout: {connect: 2s, request: 3s, total: 1m}",
        "    concurrency: 16",
        "    rate: 12.5",
        "    auth: {type: bearer, tokenEnv: TOKEN}",
        "    followRedirects: true",
        "    maxResponseBytes: 1000",
        "    successStream: none",
        "    errorStream: pay.failed",
        "  - name: hooks",
        "    mode: forward",
        "    pattern: orders.*",
        "    url: \"https://hooks.example/{/data/customer}\"",
        "    method: PUT",
        "    headers: {X-Source: shop}",
        "    body: envelope",
        ""));
    assertEquals(2, all.size());
    var pay = all.get(0).settings();
    assertEquals(HttpSink.Mode.REQUESTS, pay.mode());
    assertEquals("http-sink-pay", pay.group());
    assertEquals(List.of("api.example", "https://hooks.example/v1/"), pay.allowEntries());
    assertTrue(pay.success().matches(304) && !pay.retry().matches(500));
    assertEquals(Duration.ofMillis(100), pay.initialBackoff());
    assertEquals(3.0, pay.multiplier());
    assertEquals(4, pay.maxAttempts());
    assertEquals(Duration.ofMinutes(1), pay.totalTimeout());
    assertEquals(16, pay.concurrency());
    assertEquals(12.5, pay.rate());
    assertEquals("t0k3n", ((SinkAuth.Bearer) pay.auth()).token().reveal());
    assertTrue(pay.followRedirects());
    assertEquals(null, all.get(0).successStreamFor("pay.requests"));
    assertEquals("pay.failed", all.get(0).errorStreamFor("pay.requests"));
    var hooks = all.get(1).settings();
    assertEquals(HttpSink.Mode.FORWARD, hooks.mode());
    assertEquals("PUT", hooks.method());
    assertEquals(Map.of("X-Source", "shop"), hooks.headers());
    assertEquals(HttpSink.Body.ENVELOPE, hooks.body());
  }

  @Test
  void mistakesNameTheKeyThePathAndTheFile() {
    String unknown = failure("sinks:\n  - {name: a, pattern: p, allow: [h], retires: 3}\n");
    assertTrue(unknown.contains("retires") && unknown.contains("sinks[0]") && unknown.contains("sink.yaml"), unknown);
    String partial = failure("sinks:\n  - {name: a, pattern: p, allow: [h], backoff: {initial: 1s}}\n");
    assertTrue(partial.contains("sinks[0].backoff") && partial.contains("maxAttempts"), partial);
    String literal = failure("sinks:\n  - {name: a, pattern: p, allow: [h], auth: {type: bearer, token: abc}}\n");
    assertTrue(literal.contains("tokenEnv") && !literal.contains("abc"), literal);
    String noAllow = failure("sinks:\n  - {name: a, pattern: p}\n");
    assertTrue(noAllow.contains("allow-list"), noAllow);
    String mode = failure("sinks:\n  - {name: a, mode: push, pattern: p}\n");
    assertTrue(mode.contains("push") && mode.contains("requests or forward"), mode);
  }
}
