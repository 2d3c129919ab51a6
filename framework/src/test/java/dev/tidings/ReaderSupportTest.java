package dev.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The strict readers accept only what Jackson writes for the type, and say "not sure" otherwise. */
class ReaderSupportTest {
  private static final JsonFactory FACTORY = new JsonFactory();

  private static <T> T read(String json, ReaderSupport.Item<T> item) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      p.nextToken();
      return item.read(p);
    }
  }

  private static void notSure(String json, ReaderSupport.Item<?> item) {
    ReaderSupport.NotSure e = assertThrows(ReaderSupport.NotSure.class, () -> read(json, item), json);
    assertSame(ReaderSupport.notSure(), e, "one shared instance");
  }

  @Test
  void scalarsTakeOnlyTheirOwnTokens() throws IOException {
    assertEquals("é😀", read("\"\\u00e9😀\"", ReaderSupport::string));
    notSure("1", ReaderSupport::string);
    notSure("null", ReaderSupport::string);
    assertEquals(true, read("true", ReaderSupport::bool));
    notSure("\"true\"", ReaderSupport::bool);
    assertEquals(-2147483648, read("-2147483648", ReaderSupport::intValue));
    notSure("2147483648", ReaderSupport::intValue);
    notSure("1.0", ReaderSupport::intValue);
    notSure("\"1\"", ReaderSupport::intValue);
    assertEquals(Long.MAX_VALUE, read("9223372036854775807", ReaderSupport::longValue));
    notSure("9223372036854775808", ReaderSupport::longValue);
    notSure("1e2", ReaderSupport::longValue);
  }

  @Test
  void doublesAreFiniteAndReadAsATreeReadsThem() throws IOException {
    assertEquals(0.1, read("0.1", ReaderSupport::doubleValue));
    assertEquals(-0.0, read("-0.0", ReaderSupport::doubleValue));
    assertEquals(3.0, read("3", ReaderSupport::doubleValue));
    notSure("1e400", ReaderSupport::doubleValue);
    notSure("12345678901234567890", ReaderSupport::doubleValue); // a BigInteger in a tree
    notSure("\"1.5\"", ReaderSupport::doubleValue);
  }

  @Test
  void timesAndIdsOnlyInTheFormJavaWrites() throws IOException {
    assertEquals(Instant.parse("2024-01-01T00:00:00Z"), read("\"2024-01-01T00:00:00Z\"", ReaderSupport::instant));
    notSure("\"2024-01-01T00:00:00.000Z\"", ReaderSupport::instant);
    notSure("\"2024-01-01T01:00:00+01:00\"", ReaderSupport::instant);
    notSure("\"yesterday\"", ReaderSupport::instant);
    assertEquals(LocalDate.of(2024, 2, 29), read("\"2024-02-29\"", ReaderSupport::localDate));
    notSure("\"2023-02-29\"", ReaderSupport::localDate);
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    assertEquals(id, read("\"123e4567-e89b-12d3-a456-426614174000\"", ReaderSupport::uuid));
    notSure("\"123E4567-E89B-12D3-A456-426614174000\"", ReaderSupport::uuid);
  }

  @Test
  void containersRefuseWhatATreeOrABindingWouldCollapse() throws IOException {
    assertEquals(List.of("a", "a"), read("[\"a\",\"a\"]", p -> ReaderSupport.list(p, ReaderSupport::string)));
    assertEquals(Set.of("a", "b"), read("[\"a\",\"b\"]", p -> ReaderSupport.set(p, ReaderSupport::string)));
    notSure("[\"a\",\"a\"]", p -> ReaderSupport.set(p, ReaderSupport::string));
    assertEquals(Map.of("a", 1), read("{\"a\":1}", p -> ReaderSupport.map(p, ReaderSupport::intValue)));
    notSure("{\"a\":1,\"a\":2}", p -> ReaderSupport.map(p, ReaderSupport::intValue));
    notSure("[null]", p -> ReaderSupport.list(p, ReaderSupport::string));
    notSure("{}", p -> ReaderSupport.list(p, ReaderSupport::string));
  }

  @Test
  void propertiesAreSeenOnceAndRequiredOnesPresent() {
    long seen = ReaderSupport.first(0L, 1L);
    assertEquals(3L, ReaderSupport.first(seen, 2L));
    assertThrows(ReaderSupport.NotSure.class, () -> ReaderSupport.first(seen, 1L));
    ReaderSupport.required(3L, 3L);
    assertThrows(ReaderSupport.NotSure.class, () -> ReaderSupport.required(1L, 3L));
  }
}
