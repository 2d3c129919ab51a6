package dev.tidings.bench;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.SchemaDefinition;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The two record shapes the benchmarks use, with the JSON Schemas the annotation processor would
 * derive for them (written by hand here: types, {@code required}, an enum, a nested object, an
 * array, a few bounds).
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
  record Tick(String symbol, Side side, long seq, double price, int qty, long sentNanos) {}

  /** The small record's enum. */
  enum Side { BUY, SELL }

  /** The rich record. */
  record OrderPlaced(String orderId, String customerId, Status status, Address shipTo, List<Line> lines,
      double total, String currency, String note, long sentNanos) {}

  /** The rich record's enum. */
  enum Status { NEW, PAID, SHIPPED, CANCELLED }

  /** The rich record's nested record. */
  record Address(String street, String city, String postalCode, String country) {}

  /** An element of the rich record's list. */
  record Line(String sku, String name, int qty, double unitPrice) {}

  static final String TICK_SCHEMA = """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Tick",
        "type": "object",
        "properties": {
          "symbol": {"type": "string", "minLength": 1, "maxLength": 12},
          "side": {"type": "string", "enum": ["BUY", "SELL"]},
          "seq": {"type": "integer", "minimum": 0},
          "price": {"type": "number", "exclusiveMinimum": 0},
          "qty": {"type": "integer", "minimum": 1, "maximum": 1000000},
          "sentNanos": {"type": "integer"}
        },
        "required": ["symbol", "side", "seq", "price", "qty", "sentNanos"]
      }
      """;

  static final String ORDER_SCHEMA = """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "OrderPlaced",
        "type": "object",
        "properties": {
          "orderId": {"type": "string", "minLength": 1, "maxLength": 64},
          "customerId": {"type": "string", "pattern": "^cust-[0-9]+$"},
          "status": {"type": "string", "enum": ["NEW", "PAID", "SHIPPED", "CANCELLED"]},
          "shipTo": {
            "type": "object",
            "properties": {
              "street": {"type": "string", "minLength": 1, "maxLength": 200},
              "city": {"type": "string", "minLength": 1, "maxLength": 100},
              "postalCode": {"type": "string", "maxLength": 16},
              "country": {"type": "string", "minLength": 2, "maxLength": 2}
            },
            "required": ["street", "city", "postalCode", "country"]
          },
          "lines": {
            "type": "array",
            "minItems": 1,
            "maxItems": 100,
            "items": {
              "type": "object",
              "properties": {
                "sku": {"type": "string", "minLength": 1, "maxLength": 32},
                "name": {"type": "string", "maxLength": 200},
                "qty": {"type": "integer", "minimum": 1},
                "unitPrice": {"type": "number", "minimum": 0}
              },
              "required": ["sku", "name", "qty", "unitPrice"]
            }
          },
          "total": {"type": "number", "minimum": 0},
          "currency": {"type": "string", "minLength": 3, "maxLength": 3},
          "note": {"type": ["string", "null"], "maxLength": 500},
          "sentNanos": {"type": "integer"}
        },
        "required": ["orderId", "customerId", "status", "shipTo", "lines", "total", "currency", "sentNanos"]
      }
      """;

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

  String jsonSchema() {
    return this == SMALL ? TICK_SCHEMA : ORDER_SCHEMA;
  }

  SchemaDefinition<? extends Record> definition() {
    return definition(type);
  }

  private <T extends Record> SchemaDefinition<T> definition(Class<T> t) {
    return SchemaDefinition.of(t, id, version, jsonSchema());
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
