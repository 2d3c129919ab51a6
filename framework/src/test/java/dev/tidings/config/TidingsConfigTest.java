package dev.tidings.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TidingsConfigTest {
  private static final String YAML = String.join("\n",
      "transport:",
      "  type: http",
      "  url: http://localhost:8080",
      "  timeout: 10s",
      "  retries: 5",
      "  gzip: true",
      "  headers:",
      "    X-Team: billing",
      "  tags: [a, b]",
      "  batch:",
      "    size: 100",
      "    linger: 20ms",
      "sinks:",
      "  - name: one",
      "    policy:",
      "      timeout: PT2S",
      "  - name: two",
      "");

  @Test
  void readsTypedValues() {
    TidingsConfig config = TidingsConfig.parse(YAML, "tidings.yaml");
    ConfigSection transport = config.section("transport").orElseThrow();
    assertEquals("transport", transport.path());
    assertEquals("tidings.yaml", transport.source());
    assertEquals("http", transport.requireString("type"));
    assertEquals(Optional.of(Duration.ofSeconds(10)), transport.duration("timeout"));
    assertEquals(Optional.of(5), transport.integer("retries"));
    assertEquals(Optional.of(true), transport.bool("gzip"));
    assertEquals(Map.of("X-Team", "billing"), transport.stringMap("headers"));
    assertEquals(List.of("a", "b"), transport.strings("tags"));
    ConfigSection batch = transport.section("batch").orElseThrow();
    assertEquals("transport.batch", batch.path());
    assertEquals(Optional.of(Duration.ofMillis(20)), batch.duration("linger"));
    List<ConfigSection> sinks = config.root().sections("sinks");
    assertEquals(2, sinks.size());
    assertEquals("sinks[0].policy", sinks.get(0).section("policy").orElseThrow().path());
    assertEquals(Optional.of(Duration.ofSeconds(2)), sinks.get(0).section("policy").orElseThrow().duration("timeout"));
    assertEquals(Set.of("type", "url", "timeout", "retries", "gzip", "headers", "tags", "batch"), transport.keys());
    assertEquals(Optional.empty(), transport.string("missing"));
    assertEquals(List.of(), transport.strings("missing"));
  }

  @Test
  void durationsInEveryForm() {
    TidingsConfig config = TidingsConfig.parse("d: {a: 500ms, b: 2m, c: 1h, d: pt1s, e: 3d}", "x.yaml");
    ConfigSection d = config.section("d").orElseThrow();
    assertEquals(Duration.ofMillis(500), d.duration("a").orElseThrow());
    assertEquals(Duration.ofMinutes(2), d.duration("b").orElseThrow());
    assertEquals(Duration.ofHours(1), d.duration("c").orElseThrow());
    assertEquals(Duration.ofSeconds(1), d.duration("d").orElseThrow());
    assertEquals(Duration.ofDays(3), d.duration("e").orElseThrow());
  }

  @Test
  void wrongTypesNameKeyPathFileValueAndExpectation() {
    ConfigSection t = TidingsConfig.parse("transport: {timeout: soon, retries: many, gzip: maybe, batch: 3,"
        + " token: abc, tags: {a: 1}}", "app.yaml").section("transport").orElseThrow();
    assertEquals("key 'timeout' in transport (app.yaml) is 'soon': expected a duration such as 500ms, 10s, 2m, 1h"
        + " or PT10S", assertThrows(ConfigurationException.class, () -> t.duration("timeout")).getMessage());
    assertEquals("key 'retries' in transport (app.yaml) is 'many': expected a whole number such as 100",
        assertThrows(ConfigurationException.class, () -> t.integer("retries")).getMessage());
    assertEquals("key 'gzip' in transport (app.yaml) is 'maybe': expected true or false",
        assertThrows(ConfigurationException.class, () -> t.bool("gzip")).getMessage());
    assertEquals("key 'batch' in transport (app.yaml) is '3': expected an object of 'key: value' lines",
        assertThrows(ConfigurationException.class, () -> t.section("batch")).getMessage());
    assertEquals("key 'tags' in transport (app.yaml) is a object: expected a list of text values",
        assertThrows(ConfigurationException.class, () -> t.strings("tags")).getMessage());
    String masked = assertThrows(ConfigurationException.class, () -> t.integer("token")).getMessage();
    assertFalse(masked.contains("abc"), masked);
  }

  @Test
  void missingAndUnknownKeys() {
    ConfigSection t = TidingsConfig.parse("transport:\n  type: http\n  urll: x\n", "tidings.yaml")
        .section("transport").orElseThrow();
    assertEquals("missing key 'url' in transport (tidings.yaml): add 'url: <value>' to section transport of"
        + " tidings.yaml", assertThrows(ConfigurationException.class, () -> t.requireString("url")).getMessage());
    assertEquals("unknown key 'urll' in transport (tidings.yaml); known keys: timeout, type, url",
        assertThrows(ConfigurationException.class, () -> t.rejectUnknown(Set.of("type", "url", "timeout")))
            .getMessage());
    t.rejectUnknown(Set.of("type", "urll"));
  }

  @Test
  void badFilesSayWhy() {
    String notYaml = assertThrows(ConfigurationException.class,
        () -> TidingsConfig.parse("transport: [a\n", "bad.yaml")).getMessage();
    assertTrue(notYaml.startsWith("configuration file bad.yaml is not valid YAML at line"), notYaml);
    String list = assertThrows(ConfigurationException.class,
        () -> TidingsConfig.parse("- a\n- b\n", "list.yaml")).getMessage();
    assertTrue(list.contains("holds a list at the top level"), list);
    assertTrue(TidingsConfig.parse("", "empty.yaml").sections().isEmpty());
  }

  @Test
  void loadsTheExplicitFileElseTheEnvironmentsElseNothing(@TempDir Path dir) throws Exception {
    Path explicit = Files.writeString(dir.resolve("a.yaml"), "transport:\n  type: file\n");
    Path fromEnv = Files.writeString(dir.resolve("b.yaml"), "transport:\n  type: memory\n");
    Map<String, String> env = Map.of(TidingsConfig.ENV_FILE, fromEnv.toString());
    assertEquals("file", type(TidingsConfig.load(Optional.of(explicit), env)));
    assertEquals("memory", type(TidingsConfig.load(Optional.empty(), env)));
    assertEquals(fromEnv.toString(), TidingsConfig.load(Optional.empty(), env).source());
    String missing = assertThrows(ConfigurationException.class,
        () -> TidingsConfig.load(Optional.of(dir.resolve("nope.yaml")), Map.of())).getMessage();
    assertTrue(missing.contains("nope.yaml does not exist"), missing);
  }

  @Test
  void environmentOverridesNestAndMatchKeysCaseInsensitively(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("t.yaml"),
        "transport:\n  type: kafka\n  continueOnFailure: false\n  transports:\n    - type: kafka\n");
    TidingsConfig config = TidingsConfig.load(Optional.of(file), Map.of(
        "TIDINGS__TRANSPORT__TYPE", "http",
        "TIDINGS__TRANSPORT__CONTINUEONFAILURE", "true",
        "TIDINGS__TRANSPORT__TRANSPORTS__0__TYPE", "file",
        "TIDINGS__TRANSPORT__TRANSPORTS__1__TYPE", "console",
        "TIDINGS__TRANSPORT__AUTH__TOKEN_ENV", "TOKEN",
        "OTHER", "ignored"));
    ConfigSection t = config.section("transport").orElseThrow();
    assertEquals("http", t.requireString("type"));
    assertEquals(Optional.of(true), t.bool("continueOnFailure"));
    assertFalse(t.keys().contains("continueonfailure"));
    assertEquals("file", t.sections("transports").get(0).requireString("type"));
    assertEquals("console", t.sections("transports").get(1).requireString("type"));
    assertEquals("TOKEN", t.section("auth").orElseThrow().requireString("token_env"));
  }

  @Test
  void propertiesFilesNestDottedKeys(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("tidings.properties"), String.join("\n",
        "transport.type=composite",
        "transport.mode=failover",
        "transport.transports.0.type=kafka",
        "transport.transports[1].type=file",
        "transport.transports[1].path=/tmp/spill",
        "transport.timeout=5s",
        ""));
    ConfigSection t = TidingsConfig.load(Optional.of(file), Map.of()).section("transport").orElseThrow();
    assertEquals("composite", t.requireString("type"));
    assertEquals(Duration.ofSeconds(5), t.duration("timeout").orElseThrow());
    List<ConfigSection> list = t.sections("transports");
    assertEquals(2, list.size());
    assertEquals("transport.transports[1]", list.get(1).path());
    assertEquals("/tmp/spill", list.get(1).requireString("path"));
  }

  private static String type(TidingsConfig config) {
    return config.section("transport").orElseThrow().requireString("type");
  }
}
