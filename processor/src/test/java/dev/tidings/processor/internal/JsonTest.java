package dev.tidings.processor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void writesPrettyJsonInInsertionOrderWithScalarArraysOnOneLine() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("b", 1L);
    inner.put("a", new BigDecimal("0.50"));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("z", "text");
    root.put("list", List.of("x", "y"));
    root.put("nested", inner);
    root.put("objects", List.of(Map.of("k", true)));
    root.put("empty", new LinkedHashMap<>());
    root.put("none", new ArrayList<>(Arrays.asList("a", null)));
    assertEquals(
        """
        {
          "z": "text",
          "list": ["x", "y"],
          "nested": {
            "b": 1,
            "a": 0.50
          },
          "objects": [
            {
              "k": true
            }
          ],
          "empty": {},
          "none": ["a", null]
        }
        """,
        Json.write(root));
  }

  @Test
  void escapesControlQuotesAndNonAscii() {
    assertEquals("\"a\\\"b\\\\c\\n\\u0001\\u00e9\"\n", Json.write("a\"b\\c\n\u0001é"));
  }

  @Test
  void acceptsValidDocuments() {
    assertNull(Json.syntaxError("{\"type\": \"object\", \"x\": [1, -2.5e3, true, false, null, \"\\u00e9\"]}"));
    assertNull(Json.syntaxError(" true "));
  }

  @Test
  void reportsWhatIsWrongAndWhere() {
    assertEquals("is not valid JSON: expected '\"' at line 2, column 10", Json.syntaxError("{\"a\": 1,\n  \"b\": 2,}"));
    assertEquals("is not valid JSON: unexpected end of the document at line 1, column 8", Json.syntaxError("{\"a\": 1"));
    assertEquals("is not valid JSON: leading zero in a number at line 1, column 9", Json.syntaxError("{\"a\": 01}"));
    assertEquals("is not valid JSON: unexpected text after the document at line 1, column 4", Json.syntaxError("{} {}"));
    assertEquals("is not a JSON object (a JSON Schema document is an object)", Json.syntaxError("[1]"));
  }
}
