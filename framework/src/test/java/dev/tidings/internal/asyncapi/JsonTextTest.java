package dev.tidings.internal.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The package's JSON parser, against Jackson's reading of the same text. */
class JsonTextTest {
  @Test
  void parsesWhatJacksonParsesIntoTheSameTree() throws Exception {
    String json = "{\"a\":[1,-0,2.50,1e2,-9223372036854775808,9223372036854775808,true,false,null],"
        + "\"s\":\"q\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\",\"o\":{},\"e\":[],\"a\":\"last wins\"}";
    Object tree = JsonText.parse(json);
    ObjectMapper mapper = new ObjectMapper();
    assertEquals(mapper.readTree(json).toString().replace("2.5", "2.50").replace("100.0", "100"),
        mapper.writeValueAsString(tree));
    Map<String, Object> object = Tree.asObject(tree);
    assertEquals("last wins", object.get("a"));
    assertEquals(List.of("a", "s", "o", "e"), List.copyOf(object.keySet()));
  }

  @Test
  void numbersKeepTheirKind() {
    List<Object> numbers = Tree.asArray(JsonText.parse("[1, 9223372036854775808, 1.50, 1E-3]"));
    assertEquals(1L, numbers.get(0));
    assertEquals(new BigInteger("9223372036854775808"), numbers.get(1));
    assertEquals(new BigDecimal("1.50"), numbers.get(2));
    assertEquals(new BigDecimal("1E-3"), numbers.get(3));
  }

  @Test
  void malformedJsonIsRefusedWithItsOffset() {
    for (String bad : new String[] {"", "{", "{\"a\" 1}", "[1,]", "01x", "\"\\x\"", "tru", "{} {}", "\"a\nb\""}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonText.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("not JSON: ") && e.getMessage().contains(" at offset "), e.getMessage());
    }
  }
}
