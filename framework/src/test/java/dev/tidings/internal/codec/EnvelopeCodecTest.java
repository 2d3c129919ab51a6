package dev.tidings.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.ConfigurationException;
import dev.tidings.DecodeException;
import dev.tidings.DecodeException.Reason;
import dev.tidings.RecordCheck;
import dev.tidings.SchemaDefinition;
import dev.tidings.SchemaValidationException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvelopeCodecTest {
  record Foo(String bar) {}

  record Order(String id, List<Item> items, Instant at) {}

  record Item(String sku, int qty) {}

  private static final String ORDER_SCHEMA = """
      {"type":"object","required":["id","items"],"properties":{
        "id":{"type":"string"},
        "at":{"type":"string","format":"date-time"},
        "items":{"type":"array","items":{"type":"object","required":["sku","qty"],
          "properties":{"sku":{"type":"string"},"qty":{"type":"integer","minimum":1}}}}}}""";

  private final EnvelopeCodec codec = codec();

  private static EnvelopeCodec codec() {
    SchemaRegistry registry = new SchemaRegistry();
    registry.register(SchemaDefinition.of(Foo.class, "Foo", 1,
        "{\"type\":\"object\",\"properties\":{\"bar\":{\"type\":\"string\"}}}"));
    registry.register(SchemaDefinition.of(Order.class, "OrderCreated", 2, ORDER_SCHEMA));
    return new EnvelopeCodec(registry);
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void encodesTheKafkaeskWireFormatExactly() {
    assertEquals("{\"schema\":\"Foo:1\",\"data\":{\"bar\":\"foo\"}}", utf8(codec.encode("s", new Foo("foo"), true)));
  }

  @Test
  void encodesInstantsAsIsoStrings() {
    Order order = new Order("o1", List.of(new Item("a", 1)), Instant.parse("2026-01-02T03:04:05Z"));
    assertEquals("{\"schema\":\"OrderCreated:2\",\"data\":{\"id\":\"o1\",\"items\":[{\"sku\":\"a\",\"qty\":1}],"
        + "\"at\":\"2026-01-02T03:04:05Z\"}}", utf8(codec.encode("orders", order, true)));
  }

  @Test
  void validationFailureNamesStreamPointerRuleAndSchema() {
    Order bad = new Order("o1", List.of(new Item("a", 0)), Instant.EPOCH);
    SchemaValidationException e = assertThrows(SchemaValidationException.class, () -> codec.encode("orders", bad, true));
    assertTrue(e.getMessage().startsWith("schema validation failed for stream 'orders' at /items/0/qty: "), e.getMessage());
    assertTrue(e.getMessage().endsWith("[minimum] (schema OrderCreated:2)"), e.getMessage());
    assertEquals("OrderCreated:2", e.schema());
    assertEquals(List.of(new SchemaValidationException.Violation("/items/0/qty", "minimum", e.violations().get(0).message())),
        e.violations());
  }

  @Test
  void nullComponentsAreWrittenAsNullAndCheckedByTheSchema() {
    Order noTime = new Order("o1", List.of(new Item("a", 1)), null);
    SchemaValidationException e = assertThrows(SchemaValidationException.class, () -> codec.encode("orders", noTime, true));
    assertEquals("/at", e.violations().get(0).pointer());
  }

  @Test
  void encodingWithoutValidationSkipsTheCheck() {
    Order bad = new Order("o1", List.of(new Item("a", 0)), null);
    assertTrue(utf8(codec.encode("orders", bad, false)).contains("\"qty\":0"));
  }

  record Mixed(BigDecimal price, Optional<String> note, byte[] blob, Map<String, List<Item>> byKey, Instant at,
      double ratio, Kind kind) {}

  enum Kind { A, B }

  /** A registry whose Mixed schema has a check that answers {@code answer} (or throws). */
  private static EnvelopeCodec withCheck(RecordCheck<Mixed> check) {
    SchemaRegistry registry = new SchemaRegistry();
    registry.register(SchemaDefinition.builder(Mixed.class).id("Mixed")
        .jsonSchema("{\"type\":\"object\",\"properties\":{\"price\":{\"type\":\"number\",\"minimum\":0}}}")
        .check(check).build());
    return new EnvelopeCodec(registry);
  }

  private static Mixed mixed(String price) {
    return new Mixed(new BigDecimal(price), Optional.empty(), new byte[] {1, 2, 3},
        Map.of("k", List.of(new Item("a", 2))), Instant.parse("2026-01-02T03:04:05.120Z"), 0.1, Kind.B);
  }

  @Test
  void aRecordTheCheckVouchesForIsWrittenStraightWithTheBytesOfTheTreeRoute() {
    Mixed m = mixed("10.50");
    byte[] straight = withCheck(r -> true).encode("s", m, true);
    byte[] tree = withCheck(r -> false).encode("s", m, true);
    assertEquals(utf8(tree), utf8(straight));
    assertEquals("{\"schema\":\"Mixed:1\",\"data\":{\"price\":10.50,\"note\":null,\"blob\":\"AQID\","
        + "\"byKey\":{\"k\":[{\"sku\":\"a\",\"qty\":2}]},\"at\":\"2026-01-02T03:04:05.120Z\",\"ratio\":0.1,"
        + "\"kind\":\"B\"}}", utf8(straight));
  }

  @Test
  void aCheckThatSaysNoOrThrowsLeavesTheDecisionToTheJsonSchemaValidator() {
    assertTrue(utf8(withCheck(r -> false).encode("s", mixed("1"), true)).contains("\"price\":1"));
    assertTrue(utf8(withCheck(r -> { throw new IllegalStateException("bug"); }).encode("s", mixed("1"), true))
        .contains("\"price\":1"));
    SchemaValidationException e = assertThrows(SchemaValidationException.class,
        () -> withCheck(r -> false).encode("s", mixed("-1"), true));
    assertEquals("/price", e.violations().get(0).pointer());
  }

  record Trimmed(String name, int n) {
    Trimmed {
      name = name.trim();
    }
  }

  private static final EnvelopeCodec EXACT = exactCodec();

  private static EnvelopeCodec exactCodec() {
    SchemaRegistry registry = new SchemaRegistry();
    registry.register(SchemaDefinition.builder(Trimmed.class).id("T")
        .jsonSchema("{\"type\":\"object\",\"required\":[\"name\",\"n\"],\"properties\":{\"name\":{\"type\":"
            + "\"string\",\"pattern\":\"^\\\\S\"},\"n\":{\"type\":\"integer\",\"maximum\":10}}}")
        .check(t -> !t.name().isEmpty() && !Character.isWhitespace(t.name().charAt(0)) && t.n() <= 10).build());
    registry.register(SchemaDefinition.of(Foo.class, "Foo", 1, "{\"type\":\"object\"}"));
    return new EnvelopeCodec(registry);
  }

  private static EnvelopeCodec.Exact exact(String json) {
    return EXACT.decodeExact(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theExactRouteTakesWhatTidingsWroteForARecordItsCheckVouchesFor() {
    byte[] written = EXACT.encode("s", new Trimmed("a", 3), true);
    EnvelopeCodec.Exact e = EXACT.decodeExact(written);
    assertEquals(new EnvelopeCodec.Exact("T:1", new Trimmed("a", 3)), e);
  }

  @Test
  void theExactRouteBindsOnlyTheSchemasItIsAskedFor() {
    byte[] written = EXACT.encode("s", new Trimmed("a", 3), true);
    assertEquals(null, EXACT.decodeExact(written, key -> !key.equals("T:1")));
    assertEquals(new Trimmed("a", 3), EXACT.decodeExact(written, "T:1"::equals).record());
  }

  @Test
  void theExactRouteLeavesEverythingElseToTheValidator() {
    assertEquals(null, exact("{\"schema\":\"T:1\",\"data\":{\"name\":\"a\",\"n\":11}}"), "check says no");
    assertEquals(null, exact("{\"schema\": \"T:1\", \"data\": {\"name\": \"a\", \"n\": 3}}"), "other formatting");
    assertEquals(null, exact("{\"data\":{\"name\":\"a\",\"n\":3},\"schema\":\"T:1\"}"), "data first");
    assertEquals(null, exact("{\"schema\":\"T:1\",\"data\":{\"name\":\"a\",\"n\":3,\"x\":1}}"), "extra property");
    assertEquals(null, exact("{\"schema\":\"T:1\",\"data\":{\"name\":\" a\",\"n\":3}}"),
        "the constructor trims: the record is valid, the bytes were not");
    assertEquals(null, exact("{\"schema\":\"T:1\",\"data\":{\"name\":\"a\",\"n\":\"3\"}}"), "Jackson coerces \"3\"");
    assertEquals(null, exact("{\"schema\":\"T:1\",\"data\":{\"name\":\"a\"}}"), "n missing: Jackson binds 0");
    assertEquals(null, exact("{\"schema\":\"T:1\",\"data\":{\"name\":\"a\",\"n\":3}} x"), "trailing garbage");
    assertEquals(null, exact("{\"schema\":\"Foo:1\",\"data\":{\"bar\":\"x\"}}"), "no check");
    assertEquals(null, exact("{\"schema\":\"Nope:1\",\"data\":{}}"), "unknown schema");
    assertEquals(null, exact("{\"schema\":\"T:1\",\"data\":{\"name\":\"a\",\"n\":3"), "truncated");
    assertEquals(null, EXACT.decodeExact(null));
  }

  /** A reader of {@code Trimmed} like the ones the processor generates. */
  private static Trimmed readTrimmed(com.fasterxml.jackson.core.JsonParser p) throws java.io.IOException {
    dev.tidings.ReaderSupport.expect(p, com.fasterxml.jackson.core.JsonToken.START_OBJECT);
    String name = null;
    int n = 0;
    long seen = 0;
    String field;
    while ((field = p.nextFieldName()) != null) {
      p.nextToken();
      switch (field) {
        case "name" -> {
          seen = dev.tidings.ReaderSupport.first(seen, 1);
          name = dev.tidings.ReaderSupport.string(p);
        }
        case "n" -> {
          seen = dev.tidings.ReaderSupport.first(seen, 2);
          n = dev.tidings.ReaderSupport.intValue(p);
        }
        default -> throw dev.tidings.ReaderSupport.notSure();
      }
    }
    dev.tidings.ReaderSupport.required(seen, 3);
    Trimmed r = new Trimmed(name, n);
    if (r.name() != name) {
      throw dev.tidings.ReaderSupport.notSure();
    }
    return r;
  }

  private static EnvelopeCodec readerCodec(dev.tidings.RecordReader<Trimmed> reader) {
    SchemaRegistry registry = new SchemaRegistry();
    registry.register(SchemaDefinition.builder(Trimmed.class).id("T")
        .jsonSchema("{\"type\":\"object\",\"required\":[\"name\",\"n\"],\"properties\":{\"name\":{\"type\":"
            + "\"string\",\"pattern\":\"^\\\\S\"},\"n\":{\"type\":\"integer\",\"maximum\":10}}}")
        .check(t -> !t.name().isEmpty() && !Character.isWhitespace(t.name().charAt(0)) && t.n() <= 10)
        .reader(reader).build());
    return new EnvelopeCodec(registry);
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theReaderTakesEnvelopesWhatEverTheirFormattingWhenItAndTheCheckAreSure() {
    EnvelopeCodec codec = readerCodec(EnvelopeCodecTest::readTrimmed);
    assertEquals(new Trimmed("a", 3),
        codec.decodeByReader(bytes("{\"schema\":\"T:1\",\"data\": { \"n\" : 3, \"name\":\"\\u0061\" } }")).record(),
        "other order, spaces and escapes: the same values");
    assertEquals(null, codec.decodeByReader(bytes("{\"schema\":\"T:1\",\"data\":{\"name\":\"a\",\"n\":11}}")),
        "the check says no");
    assertEquals(null, codec.decodeByReader(bytes("{\"schema\":\"T:1\",\"data\":{\"name\":\" a\",\"n\":3}}")),
        "the constructor trims: another value than read");
    assertEquals(null, codec.decodeByReader(bytes("{\"schema\":\"T:1\",\"data\":{\"name\":\"a\",\"n\":3},\"x\":1}")),
        "something after data");
    assertEquals(null, codec.decodeByReader(bytes("{\"schema\":\"T:1\",\"data\":{\"name\":\"a\",\"n\":3,\"n\":4}}")),
        "a duplicate property");
    assertEquals(null, codec.decodeByReader(bytes("{\"schema\":\"T:1\",\"data\":{\"name\":\"a\"}}")), "n missing");
  }

  @Test
  void whenTheReaderIsNotSureOrBreaksTheExactRouteWithoutItDecides() {
    byte[] written = EXACT.encode("s", new Trimmed("a", 3), true);
    EnvelopeCodec unsure = readerCodec(p -> {
      throw dev.tidings.ReaderSupport.notSure();
    });
    assertEquals(null, unsure.decodeByReader(written));
    assertEquals(new EnvelopeCodec.Exact("T:1", new Trimmed("a", 3)), unsure.decodeExact(written));
    EnvelopeCodec broken = readerCodec(p -> {
      throw new IllegalStateException("a bug in a reader");
    });
    assertEquals(new EnvelopeCodec.Exact("T:1", new Trimmed("a", 3)), broken.decodeExact(written));
    EnvelopeCodec lying = readerCodec(p -> {
      p.skipChildren();
      return new Trimmed("a", 99);
    });
    assertEquals(new EnvelopeCodec.Exact("T:1", new Trimmed("a", 3)), lying.decodeExact(written),
        "a record the check refuses is not taken; the route without the reader binds what came");
  }

  @Test
  void aReaderWithoutACheckIsNotUsed() {
    SchemaRegistry registry = new SchemaRegistry();
    registry.register(SchemaDefinition.builder(Trimmed.class).id("T").jsonSchema("{\"type\":\"object\"}")
        .reader(EnvelopeCodecTest::readTrimmed).build());
    EnvelopeCodec codec = new EnvelopeCodec(registry);
    assertEquals(null, codec.decodeByReader(bytes("{\"schema\":\"T:1\",\"data\":{\"name\":\"a\",\"n\":3}}")));
  }

  record Measured(double value, List<Double> more) {}

  @Test
  void nanAndInfinityAreRefusedWithThePointerWhateverTheSchemaSays() {
    SchemaRegistry registry = new SchemaRegistry();
    registry.register(SchemaDefinition.of(Measured.class, "M", 1,
        "{\"type\":\"object\",\"properties\":{\"value\":{\"type\":\"number\",\"maximum\":10}}}"));
    EnvelopeCodec c = new EnvelopeCodec(registry);
    SchemaValidationException e = assertThrows(SchemaValidationException.class,
        () -> c.encode("s", new Measured(Double.NaN, List.of()), true));
    assertEquals("/value", e.violations().get(0).pointer());
    e = assertThrows(SchemaValidationException.class,
        () -> c.encode("s", new Measured(1, List.of(2.0, Double.POSITIVE_INFINITY)), true));
    assertEquals("/more/1", e.violations().get(0).pointer());
    assertTrue(e.getMessage().contains("NaN and infinite numbers have no JSON form"), e.getMessage());
  }

  @Test
  void unregisteredClassSaysHowToRegister() {
    record Unknown(int x) {}
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> codec.encode("s", new Unknown(1), true));
    assertTrue(e.getMessage().contains("has no registered schema: annotate it with @dev.tidings.Schema"), e.getMessage());
  }

  @Test
  void decodesAndBindsAValidEnvelope() {
    byte[] bytes = "{\"schema\":\"Foo:1\",\"data\":{\"bar\":\"x\"}}".getBytes(StandardCharsets.UTF_8);
    assertEquals(new Foo("x"), codec.bind("s", codec.parse(bytes)));
  }

  @Test
  void poisonInputIsClassified() {
    assertEquals(Reason.NOT_JSON, reason("not json"));
    assertEquals(Reason.NOT_JSON, reason("{\"schema\":"));
    assertEquals(Reason.NOT_ENVELOPE, reason("[1,2]"));
    assertEquals(Reason.NOT_ENVELOPE, reason("{\"schema\":1,\"data\":{}}"));
    assertEquals(Reason.NOT_ENVELOPE, reason("{\"data\":{}}"));
    assertEquals(Reason.NOT_ENVELOPE, reason(""));
    assertEquals(Reason.UNKNOWN_SCHEMA, reason("{\"schema\":\"Nope:1\",\"data\":{}}"));
    assertEquals(Reason.INVALID_DATA, reason("{\"schema\":\"Foo:1\",\"data\":{\"bar\":5}}"));
    assertEquals(Reason.INVALID_DATA, reason("{\"schema\":\"OrderCreated:2\",\"data\":{\"id\":\"o\",\"items\":[],\"at\":\"yesterday\"}}"));
  }

  private Reason reason(String value) {
    DecodeException e = assertThrows(DecodeException.class,
        () -> codec.bind("s", codec.parse(value.getBytes(StandardCharsets.UTF_8))));
    return e.reason();
  }

  @Test
  void invalidJsonSchemaDocumentIsAConfigurationError() {
    SchemaRegistry registry = new SchemaRegistry();
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> registry.register(SchemaDefinition.of(Foo.class, "Foo", 1, "{not json")));
    assertTrue(e.getMessage().startsWith("the JSON Schema of Foo:1"), e.getMessage());
  }
}
