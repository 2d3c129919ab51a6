package dev.tidings.worker.internal.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.tidings.Router;
import dev.tidings.SchemaDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document, validated against the official AsyncAPI 3.0.0 JSON Schema. */
public class AsyncApiTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A placed order with lines (a nested record in $defs). */
  public record Order(String orderId, List<Line> lines) {}

  /** A line of an order. */
  public record Line(String sku, int quantity) {}

  /** An invoice. */
  public record Invoice(String invoiceId, String currency) {}

  static final String ORDER = """
      {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"Order","type":"object",
       "properties":{"orderId":{"type":"string","minLength":1,"pattern":"^o-[0-9]+$"},
        "lines":{"type":"array","minItems":1,"maxItems":100,"items":{"$ref":"#/$defs/Line"}}},
       "required":["orderId","lines"],"additionalProperties":true,
       "$defs":{"Line":{"type":"object","properties":{"sku":{"type":"string","minLength":1},
        "quantity":{"type":"integer","minimum":1,"maximum":1000}},"required":["sku","quantity"],
        "additionalProperties":true}}}""";
  static final String INVOICE = """
      {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"Invoice","type":"object",
       "properties":{"invoiceId":{"type":"string","format":"uuid"},
        "currency":{"type":["string","null"],"enum":["EUR","USD",null]}},
       "required":["invoiceId"],"additionalProperties":true}""";

  /** An application with declared streams, a pattern subscription, a stream list and a raw handler. */
  public static Router shop() {
    Router router = new Router();
    router.schema(SchemaDefinition.builder(Order.class).id("Order").version(2).jsonSchema(ORDER)
        .streams("orders.eu", "orders.us").retention(Duration.ofDays(7)).build());
    router.schema(SchemaDefinition.builder(Invoice.class).id("Invoice").version(1).jsonSchema(INVOICE)
        .streams("invoices").build());
    router.subscribe("orders.*", "billing").maxAttempts(3).on(Order.class, (order, context) -> { });
    router.subscribeStreams(List.of("invoices"), "ledger").on(Invoice.class, (invoice, context) -> { });
    router.subscribe("*", "audit").onAny(context -> { });
    router.subscribe("invoice.requests", "invoicing").replyTo("invoice.replies")
        .onRequest(Order.class, (order, context) -> java.util.concurrent.CompletableFuture.completedFuture(
            new Invoice("i-1", "EUR")));
    return router;
  }

  public static ObjectNode document(Router router) {
    return AsyncApi.document(new AsyncApi.Input("shop", "1.2.0", "kafka-1:9093,kafka-2:9093",
        Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required password=\"s3cret\";"),
        "shop.", router));
  }

  /** Problems of {@code document} under the official AsyncAPI 3.0.0 JSON Schema. */
  public static List<String> officialSchemaProblems(JsonNode document) throws IOException {
    try (InputStream in = AsyncApiTest.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(MAPPER.readTree(in));
      Set<ValidationMessage> messages = schema.validate(document);
      List<String> out = new ArrayList<>();
      messages.forEach(m -> out.add(m.toString()));
      return out;
    }
  }

  @Test
  void theDocumentIsValidUnderTheOfficialAsyncApi3Schema() throws IOException {
    assertEquals(List.of(), officialSchemaProblems(document(shop())));
  }

  @Test
  void theValidatorCatchesABrokenDocument() throws IOException {
    ObjectNode broken = document(shop());
    ((ObjectNode) broken.at("/operations/receive-billing")).put("action", "consume");
    broken.remove("info");
    List<String> problems = officialSchemaProblems(broken);
    assertFalse(problems.isEmpty());
    assertTrue(problems.stream().anyMatch(p -> p.contains("info")), problems::toString);
  }

  @Test
  void serversCarryHostsAndProtocolButNoSecret() {
    ObjectNode doc = document(shop());
    assertEquals("kafka-1:9093", doc.at("/servers/kafka-1/host").asText());
    assertEquals("kafka-secure", doc.at("/servers/kafka-2/protocol").asText());
    assertTrue(doc.at("/servers/kafka-1/description").asText().contains("sasl.mechanism=SCRAM-SHA-512"));
    assertFalse(doc.toString().contains("s3cret"), doc::toString);
    assertFalse(doc.toString().contains("jaas"), doc::toString);
  }

  @Test
  void streamsSubscriptionsAndDeadLettersAreChannelsWithTheirOperations() {
    ObjectNode doc = document(shop());
    assertEquals("shop.orders.eu", doc.at("/channels/orders.eu/address").asText());
    assertEquals("send", doc.at("/operations/send-orders.eu/action").asText());
    assertEquals("#/channels/orders.eu/messages/Order_2", doc.at("/operations/send-orders.eu/messages/0/$ref").asText());
    assertEquals("shop.orders.*", doc.at("/channels/subscription-billing/address").asText());
    assertEquals("receive", doc.at("/operations/receive-billing/action").asText());
    assertEquals("billing", doc.at("/operations/receive-billing/bindings/kafka/groupId/enum/0").asText());
    assertTrue(doc.at("/operations/receive-billing/description").asText().contains("at most 3 attempt(s)"));
    assertEquals("shop.invoices", doc.at("/channels/subscription-ledger/address").asText());
    assertEquals(List.of("Invoice_1", "Order_2"), names(doc.at("/channels/subscription-audit/messages")),
        "a raw handler receives every schema");
    assertEquals("shop.orders.*.dlt", doc.at("/channels/dead-letters-billing/address").asText());
    assertEquals("send", doc.at("/operations/dead-letter-billing/action").asText());
    assertTrue(doc.at("/components/messages/DeadLetter/headers/properties").has("tidings.dlt.exception.class"));
  }

  @Test
  void requestHandlersHaveARepliesChannelAndTheReplyAddressHeader() {
    ObjectNode doc = document(shop());
    assertEquals("$message.header#/tidings.reply-to", doc.at("/operations/receive-invoicing/reply/address/location")
        .asText());
    assertEquals("#/channels/replies-invoicing", doc.at("/operations/receive-invoicing/reply/channel/$ref").asText());
    assertEquals("shop.invoice.replies", doc.at("/channels/replies-invoicing/address").asText());
    assertEquals("Order_2", names(doc.at("/channels/subscription-invoicing/messages")).get(0));
    assertEquals("$message.header#/tidings.correlation-id", doc.at("/components/messages/Order_2/correlationId/location")
        .asText());
    assertTrue(doc.at("/components/schemas/TidingsHeaders/properties").has("tidings.reply-to"));
  }

  @Test
  void messagesAreEnvelopesWhoseDataReferencesTheRelocatedSchema() {
    ObjectNode doc = document(shop());
    JsonNode message = doc.at("/components/messages/Order_2");
    assertEquals("Order:2", message.at("/name").asText());
    assertEquals("Order:2", message.at("/payload/properties/schema/const").asText());
    assertEquals("#/components/schemas/Order_2", message.at("/payload/properties/data/$ref").asText());
    assertEquals("#/components/schemas/Order_2/$defs/Line",
        doc.at("/components/schemas/Order_2/properties/lines/items/$ref").asText());
    assertTrue(doc.at("/components/schemas/Order_2/$schema").isMissingNode());
    assertTrue(doc.at("/components/schemas/TidingsHeaders/properties").has("traceparent"));
  }

  @Test
  void examplesAreValidUnderTheirSchemas() throws IOException {
    for (String[] pair : new String[][] {{ORDER, "Order_2"}, {INVOICE, "Invoice_1"}}) {
      JsonNode example = document(shop()).at("/components/messages/" + pair[1] + "/examples/0/payload/data");
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(MAPPER.readTree(pair[0]));
      assertEquals(Set.of(), schema.validate(example), example::toString);
    }
    JsonNode order = document(shop()).at("/components/messages/Order_2/examples/0/payload");
    assertEquals("{\"schema\":\"Order:2\",\"data\":{\"orderId\":\"o-0\",\"lines\":[{\"sku\":\"text\",\"quantity\":1}]}}",
        order.toString());
  }

  @Test
  void yamlAndJsonAreTheSameDocumentAndTheOutputIsDeterministic() throws IOException {
    ObjectNode doc = document(shop());
    JsonNode fromYaml = new YAMLMapper().readTree(AsyncApi.yaml(doc));
    assertEquals(java.util.Optional.empty(),
        dev.tidings.SchemaDocuments.firstDifference(doc.toString(), fromYaml.toString()));
    assertEquals(doc.toString(), MAPPER.readTree(AsyncApi.json(doc)).toString());
    assertTrue(AsyncApi.yaml(doc).startsWith("asyncapi: 3.0.0\n"), AsyncApi.yaml(doc));
    assertEquals(AsyncApi.yaml(doc), AsyncApi.yaml(document(shop())));
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
