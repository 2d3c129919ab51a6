package dev.tidings.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.ConfigurationException;
import dev.tidings.PublishResult;
import dev.tidings.Router;
import dev.tidings.config.TidingsConfig;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The custom transport is loaded by its class name from YAML; no Kafka is needed to publish through it. */
class StreamDirectoryTransportTest {
  @Test
  void loadedByClassNameFromYaml(@TempDir Path dir) throws Exception {
    Path yaml = Files.writeString(dir.resolve("tidings.yaml"), "transport:\n"
        + "  type: dev.tidings.examples.StreamDirectoryTransport\n"
        + "  directory: " + dir.resolve("streams") + "\n");
    TidingsConfig config = TidingsConfig.load(Optional.of(yaml), Map.of());
    OrderPlaced order = new OrderPlaced("o-1", "ada", List.of(new OrderPlaced.Line("book", 2, new BigDecimal("8.75"))),
        Instant.parse("2026-12-04T10:00:00Z"), Optional.empty());
    try (Application app = Application.create(ApplicationOptions.builder().config(config).build())) {
      app.mount(Router.discover());
      PublishResult r = app.publishAndWait("orders.eu", order);
      assertEquals(dir.resolve("streams").resolve("orders.eu.jsonl").toString(), r.topic());
      assertEquals(1, r.offset());
    }
    assertEquals(List.of("{\"schema\":\"OrderPlaced:1\",\"data\":{\"orderId\":\"o-1\",\"customer\":\"ada\",\"lines\":"
        + "[{\"sku\":\"book\",\"quantity\":2,\"unitPrice\":8.75}],\"placedAt\":\"2026-12-04T10:00:00Z\",\"note\":null}}"),
        Files.readAllLines(dir.resolve("streams").resolve("orders.eu.jsonl")));
  }

  @Test
  void itsKeysAreCheckedLikeTheBuiltIns() {
    TidingsConfig config = TidingsConfig.parse("transport:\n  type: dev.tidings.examples.StreamDirectoryTransport\n"
        + "  dir: x\n", "tidings.yaml");
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> Application.create(ApplicationOptions.builder().config(config).build()));
    assertEquals("unknown key 'dir' in transport (tidings.yaml); known keys: directory, type", e.getMessage());
  }
}
