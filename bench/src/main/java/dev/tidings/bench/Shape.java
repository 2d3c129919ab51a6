package dev.tidings.bench;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.Router;
import dev.tidings.Schema;
import dev.tidings.SchemaDefinition;
import dev.tidings.constraints.Max;
import dev.tidings.constraints.Min;
import dev.tidings.constraints.Pattern;
import dev.tidings.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The two record shapes the benchmarks use, annotated like an application's records: the
 * annotation processor derives their JSON Schemas (types, {@code required}, an enum, a nested
 * object, an array, a few bounds) and generates their checks, as it does for users.
 */
enum Shape {
  /** About 100 bytes of JSON. */
  SMALL("Tick", 1, Tick.class) {
    @Override
    Record make(SplittableRandom random, long seq, long sentNanos) {
      return new Tick(SYMBOLS[random.nextInt(SYMBOLS.length)], random.nextBoolean() ? Side.BUY : Side.SELL,
          seq, Math.round(random.nextDouble(10, 500) * 100) / 100.0, 1 + random.nextInt(999), sentNanos);
    }

    @Override
    Record withSentNanos(Record record, long sentNanos) {
      Tick t = (Tick) record;
      return new Tick(t.symbol(), t.side(), t.seq(), t.price(), t.qty(), sentNanos);
    }

    @Override
    long sentNanos(Object record) {
      return ((Tick) record).sentNanos();
    }
  },
  /** About 400 bytes of JSON: strings, numbers, an enum, a nested record and a list of records. */
  RICH("OrderPlaced", 1, OrderPlaced.class) {
    @Override
    Record make(SplittableRandom random, long seq, long sentNanos) {
      int n = 2 + random.nextInt(2);
      List<Line> lines = new java.util.ArrayList<>(n);
      double total = 0;
      for (int i = 0; i < n; i++) {
        int qty = 1 + random.nextInt(5);
        double price = Math.round(random.nextDouble(1, 200) * 100) / 100.0;
        total += qty * price;
        lines.add(new Line("SKU-" + (100000 + random.nextInt(900000)), PRODUCTS[random.nextInt(PRODUCTS.length)],
            qty, price));
      }
      Address address = new Address(
          (1 + random.nextInt(200)) + " " + STREETS[random.nextInt(STREETS.length)],
          CITIES[random.nextInt(CITIES.length)], String.valueOf(10000 + random.nextInt(89999)), "NL");
      return new OrderPlaced("ord-" + seq, "cust-" + (1000000 + random.nextInt(9000000)),
          Status.values()[random.nextInt(Status.values().length)], address, List.copyOf(lines),
          Math.round(total * 100) / 100.0, "EUR", random.nextInt(4) == 0 ? "leave at the door" : null, sentNanos);
    }

    @Override
    Record withSentNanos(Record record, long sentNanos) {
      OrderPlaced o = (OrderPlaced) record;
      return new OrderPlaced(o.orderId(), o.customerId(), o.status(), o.shipTo(), o.lines(), o.total(),
          o.currency(), o.note(), sentNanos);
    }

    @Override
    long sentNanos(Object record) {
      return ((OrderPlaced) record).sentNanos();
    }
  };

  private static final String[] SYMBOLS = {"ACME", "GLOBX", "INITECH", "UMBRL", "HOOLI", "VANDLY"};
  private static final String[] PRODUCTS = {"Espresso beans 1 kg", "Paper filters (100)", "Milk frother",
      "Ceramic mug, blue", "Descaling tablets"};
  private static final String[] STREETS = {"Keizersgracht", "Oudegracht", "Coolsingel", "Lange Voorhout"};
  private static final String[] CITIES = {"Amsterdam", "Utrecht", "Rotterdam", "Den Haag"};

  /** The small record. */
  @Schema(id = "Tick")
  record Tick(@Size(min = 1, max = 12) String symbol, Side side, @Min(0) long seq, @Min(0) double price,
      @Min(1) @Max(1_000_000) int qty, long sentNanos) {}

  /** The small record's enum. */
  enum Side { BUY, SELL }

  /** The rich record. */
  @Schema(id = "OrderPlaced")
  record OrderPlaced(@Size(min = 1, max = 64) String orderId, @Pattern(regexp = "cust-[0-9]+") String customerId,
      Status status, Address shipTo, @Size(min = 1, max = 100) List<Line> lines, @Min(0) double total,
      @Size(min = 3, max = 3) String currency, @Nullable @Size(max = 500) String note, long sentNanos) {}

  /** The rich record's enum. */
  enum Status { NEW, PAID, SHIPPED, CANCELLED }

  /** The rich record's nested record. */
  record Address(@Size(min = 1, max = 200) String street, @Size(min = 1, max = 100) String city,
      @Size(max = 16) String postalCode, @Size(min = 2, max = 2) String country) {}

  /** An element of the rich record's list. */
  record Line(@Size(min = 1, max = 32) String sku, @Size(max = 200) String name, @Min(1) int qty,
      @Min(0) double unitPrice) {}

  /** Marks a component that may be null (the processor matches any annotation of this name). */
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
  @interface Nullable {}

  private static final Router GENERATED = Router.discover();

  final String id;
  final int version;
  final Class<? extends Record> type;

  Shape(String id, int version, Class<? extends Record> type) {
    this.id = id;
    this.version = version;
    this.type = type;
  }

  /** A record with varied values; {@code seq} makes it unique. */
  abstract Record make(SplittableRandom random, long seq, long sentNanos);

  /** A copy of {@code record} carrying {@code sentNanos}. */
  abstract Record withSentNanos(Record record, long sentNanos);

  /** The send time a record carries. */
  abstract long sentNanos(Object record);

  /** {@code id:version}, as in the envelope. */
  String key() {
    return id + ":" + version;
  }

  /** The JSON Schema the processor derived. */
  String jsonSchema() {
    return definition().jsonSchema();
  }

  /** The definition the processor generated: derived JSON Schema and generated check. */
  SchemaDefinition<?> definition() {
    SchemaDefinition<?> d = GENERATED.schemas().get(key());
    if (d == null) {
      throw new IllegalStateException("no generated registration for " + key() + ": build bench with the processor");
    }
    return d;
  }

  /** The same definition without its check: what Tidings does for a hand-written schema. */
  SchemaDefinition<?> definitionWithoutCheck() {
    return withoutCheck(definition());
  }

  /**
   * The definition with its check but without its generated reader: the consume path as it was
   * before readers (bind, check, rewrite and compare).
   */
  SchemaDefinition<?> definitionWithoutReader() {
    return withoutReader(definition());
  }

  @SuppressWarnings("unchecked")
  private static <T extends Record> SchemaDefinition<T> withoutReader(SchemaDefinition<T> d) {
    return SchemaDefinition.builder(d.type()).id(d.id()).version(d.version()).jsonSchema(d.jsonSchema())
        .check(d.check().orElseThrow()).build();
  }

  private static <T extends Record> SchemaDefinition<T> withoutCheck(SchemaDefinition<T> d) {
    return SchemaDefinition.builder(d.type()).id(d.id()).version(d.version()).jsonSchema(d.jsonSchema()).build();
  }

  /** {@code Wire<Type>}, to read an envelope straight into the record with Jackson. */
  JavaType wireType(ObjectMapper mapper) {
    return mapper.getTypeFactory().constructParametricType(Wire.class, type);
  }

  /** {@code count} records, the same for the same seed. */
  Record[] pool(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Record[] records = new Record[count];
    for (int i = 0; i < count; i++) {
      records[i] = make(random, i, 0);
    }
    return records;
  }

  static Shape parse(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }

  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
