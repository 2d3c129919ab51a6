package dev.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaDocumentsTest {
  @Test
  void canonicalSortsKeysAtEveryLevelAndDropsWhitespace() {
    assertEquals("{\"a\":[{\"x\":1,\"y\":2}],\"b\":true}",
        SchemaDocuments.canonical("{ \"b\": true, \"a\": [ {\"y\": 2, \"x\": 1} ] }"));
  }

  @Test
  void firstDifferenceIsAJsonPointerInSortedKeyOrder() {
    assertEquals(Optional.empty(), SchemaDocuments.firstDifference("{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}"));
    assertEquals(Optional.of("/b/1"), SchemaDocuments.firstDifference("{\"a\":1,\"b\":[1,2]}", "{\"a\":1,\"b\":[1,3]}"));
    assertEquals(Optional.of("/a~1b"), SchemaDocuments.firstDifference("{\"a/b\":1,\"c\":1}", "{\"c\":2}"));
    assertEquals(Optional.of(""), SchemaDocuments.firstDifference("true", "{}"));
  }

  @Test
  void notJsonIsAConfigurationErrorWithTheLocation() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> SchemaDocuments.canonical("{\"a\":"));
    assertTrue(e.getMessage().startsWith("a JSON Schema document is not JSON: "), e.getMessage());
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }
}
