package dev.tidings.internal.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written YAML writer, read back by Jackson's YAML parser (SnakeYAML, YAML 1.1). */
class YamlTest {
  private static final String[] TRICKY = {"", " ", "a", "yes", "No", "ON", "off", "y", "n", "true", "False",
      "null", "NULL", "~", "<<", "1", "-1", "1.5", "1e3", "0x1F", "0o17", "012", "1_000", "3.0.0", "1.2",
      "2026-01-01", "2026-01-01T12:00:00Z", "12:30", "190:20:30", ".inf", "-.inf", ".NaN", "a: b", "a:b",
      "a #b", "a#b", "#/components/schemas/X", "$ref", "$message.header#/tidings.reply-to", "- item", "-item",
      "? key", ":", "[a]", "{a}", "a, b", "&anchor", "*alias", "!tag", "%directive", "@at", "`tick`", "'quoted'",
      "\"quoted\"", "back\\slash", "line\nbreak", "tab\there", "trailing ", " leading", "é", "日本語", "😀",
      "\u0000", "\u007f", "\u0085", "\u2028", "\ufeff", "orders.*", "orders.*.dlt", "send-orders.eu",
      "Order:2", "(record shop.Order$Line)", "a | b", "a > b", "x=1;y=2", "100%", "50 %"};

  private static JsonNode read(String yaml) throws Exception {
    return new YAMLMapper().readTree(yaml);
  }

  @Test
  void everyTrickyStringReadsBackAsTheSameString() throws Exception {
    for (String s : TRICKY) {
      Map<String, Object> tree = Tree.object();
      tree.put(s.isEmpty() ? "empty" : s, s);
      String yaml = Yaml.write(tree);
      JsonNode back = read(yaml);
      JsonNode value = back.get(s.isEmpty() ? "empty" : s);
      assertTrue(value != null && value.isTextual(), () -> "key or type lost for [" + s + "]: " + yaml);
      assertEquals(s, value.textValue(), yaml);
    }
  }

  @Test
  void plainScalarsAreReadableAndTheRestIsQuoted() {
    assertTrue(Yaml.plain("orders.eu"));
    assertTrue(Yaml.plain("3.0.0"));
    assertTrue(Yaml.plain("$message.header#/tidings.reply-to"));
    assertTrue(Yaml.plain("Publishes to orders"));
    assertFalse(Yaml.plain("yes"));
    assertFalse(Yaml.plain("1.2"));
    assertFalse(Yaml.plain("a: b"));
    assertFalse(Yaml.plain("#/x"));
    assertFalse(Yaml.plain("2026-01-01"));
  }

  @Test
  void nestedObjectsArraysAndNumbersReadBackAsTheSameTree() throws Exception {
    SplittableRandom random = new SplittableRandom(20_261_204L);
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < 500; i++) {
      Map<String, Object> tree = Tree.object();
      fill(tree, random, 0);
      String yaml = Yaml.write(tree);
      JsonNode back = read(yaml);
      JsonNode expected = json.readTree(json.writeValueAsString(tree));
      assertEquals(normalized(expected), normalized(back), yaml);
    }
  }

  /** Numbers compared by value (YAML reads 1.50 as a double). */
  private static String normalized(JsonNode node) {
    return node.toString().replaceAll("(\\d)\\.?0+(?=[,}\\]])", "$1");
  }

  private static void fill(Map<String, Object> object, SplittableRandom random, int depth) {
    int n = random.nextInt(depth == 0 ? 1 : 0, 4);
    for (int i = 0; i < n; i++) {
      object.put(TRICKY[random.nextInt(TRICKY.length)] + i, value(random, depth));
    }
  }

  private static Object value(SplittableRandom random, int depth) {
    switch (random.nextInt(depth > 3 ? 6 : 8)) {
      case 0:
        return TRICKY[random.nextInt(TRICKY.length)];
      case 1:
        return random.nextLong();
      case 2:
        return new BigDecimal(random.nextInt(-100000, 100000)).movePointLeft(random.nextInt(4));
      case 3:
        return random.nextBoolean();
      case 4:
        return null;
      case 5:
        return new BigInteger("123456789012345678901234567890");
      case 6: {
        Map<String, Object> object = Tree.object();
        fill(object, random, depth + 1);
        return object;
      }
      default: {
        List<Object> array = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          array.add(value(random, depth + 1));
        }
        return array;
      }
    }
  }
}
