package dev.tidings.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Router;
import dev.tidings.SchemaDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the processor wrote next to the classes, as any tool on the class path sees it. */
class SchemaResourcesTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = SchemaResourcesTest.class.getClassLoader().getResourceAsStream(name)) {
      assertNotNull(in, "class-path resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everySchemaIsAClassPathResourceEqualToTheRegisteredDocument() throws IOException {
    for (SchemaDefinition<?> definition : Router.discover().schemas().values()) {
      String name = "META-INF/tidings/schemas/" + definition.id() + "-" + definition.version() + ".json";
      assertEquals(definition.jsonSchema(), resource(name), name);
    }
  }

  @Test
  void derivedSchemaCarriesTypesConstraintsAndNestedRecords() throws IOException {
    String placed = resource("META-INF/tidings/schemas/OrderPlaced-1.json");
    assertTrue(placed.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""), placed);
    assertTrue(placed.contains("\"title\": \"OrderPlaced\""), placed);
    assertTrue(placed.contains("\"pattern\": \"^(?:o-[0-9]+)$\""), placed);
    assertTrue(placed.contains("\"items\": {\n        \"$ref\": \"#/$defs/Line\""), placed);
    assertTrue(placed.contains("\"required\": [\"orderId\", \"customer\", \"lines\", \"placedAt\"]"), placed);
    assertTrue(placed.contains("\"note\": {\n      \"type\": [\"string\", \"null\"]"), placed);
  }

  @Test
  void servicesFileListsEveryGeneratedRegistration() throws IOException {
    assertEquals(
        List.of(
            "dev.tidings.examples.Audit_Subscriptions",
            "dev.tidings.examples.Billing_Subscriptions",
            "dev.tidings.examples.ExecutionRequest_Schema",
            "dev.tidings.examples.ExecutionResult_Schema",
            "dev.tidings.examples.Executor_Subscriptions",
            "dev.tidings.examples.InvoiceIssued_Schema",
            "dev.tidings.examples.Ledger_Subscriptions",
            "dev.tidings.examples.OrderPlaced_Schema",
            "dev.tidings.examples.OrderShipped_Schema",
            "dev.tidings.examples.Shipping_Subscriptions"),
        shopRegistrations());
  }

  /**
   * The registrations of every services file on the class path (the test classes have their own,
   * for the samples of the generated checks' test) that belong to the shop, less those samples,
   * sorted; other modules on the class path (the HTTP sink) bring their own.
   */
  private static List<String> shopRegistrations() throws IOException {
    List<String> names = new ArrayList<>();
    for (URL url : Collections.list(
        SchemaResourcesTest.class.getClassLoader().getResources("META-INF/services/dev.tidings.Registration"))) {
      try (InputStream in = url.openStream()) {
        new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
            .filter(name -> name.startsWith("dev.tidings.examples.") && !name.startsWith("dev.tidings.examples.checks."))
            .forEach(names::add);
      }
    }
    Collections.sort(names);
    return names;
  }
}
