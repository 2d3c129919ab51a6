package dev.tidings.worker.internal.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.worker.internal.compat.Compatibility.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The checker against the hand-reviewed corpus in {@code compat/corpus.json}: each pair names the
 * rule it exercises, why, and the rules expected in each direction (backward: old data, new
 * reader; forward: new data, old reader).
 */
class CompatibilityTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode corpus() throws IOException {
    try (InputStream in = CompatibilityTest.class.getResourceAsStream("/compat/corpus.json")) {
      return MAPPER.readTree(in);
    }
  }

  private static List<String> ids(List<Problem> problems) {
    return problems.stream().map(p -> p.rule().id()).sorted().collect(Collectors.toList());
  }

  private static List<String> sorted(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    out.sort(null);
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyPairOfTheCorpusInBothDirections() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode pair : corpus()) {
      String name = pair.get("rule").asText() + " (" + pair.get("why").asText() + ")";
      tests.add(DynamicTest.dynamicTest("backward: " + name, () -> assertEquals(sorted(pair.get("backward")),
          ids(Compatibility.check(pair.get("old"), "S:1", pair.get("new"), "S:2", Mode.BACKWARD)),
          () -> name + ": " + Compatibility.check(pair.get("old"), "S:1", pair.get("new"), "S:2", Mode.BACKWARD))));
      tests.add(DynamicTest.dynamicTest("forward: " + name, () -> assertEquals(sorted(pair.get("forward")),
          ids(Compatibility.check(pair.get("old"), "S:1", pair.get("new"), "S:2", Mode.FORWARD)),
          () -> name + ": " + Compatibility.check(pair.get("old"), "S:1", pair.get("new"), "S:2", Mode.FORWARD))));
      tests.add(DynamicTest.dynamicTest("full is both: " + name, () -> {
        List<String> both = new ArrayList<>(sorted(pair.get("backward")));
        both.addAll(sorted(pair.get("forward")));
        both.sort(null);
        assertEquals(both, ids(Compatibility.check(pair.get("old"), "S:1", pair.get("new"), "S:2", Mode.FULL)));
      }));
      tests.add(DynamicTest.dynamicTest("none finds nothing: " + name, () -> assertTrue(
          Compatibility.check(pair.get("old"), "S:1", pair.get("new"), "S:2", Mode.NONE).isEmpty())));
    }
    return tests.stream();
  }

  @Test
  void theCorpusHasAtLeastSixtyPairsAndExercisesEveryRuleInBothDirections() throws IOException {
    JsonNode corpus = corpus();
    assertTrue(corpus.size() >= 60, "pairs: " + corpus.size());
    Set<Rule> backward = EnumSet.noneOf(Rule.class);
    Set<Rule> forward = EnumSet.noneOf(Rule.class);
    for (JsonNode pair : corpus) {
      pair.get("backward").forEach(id -> backward.add(rule(id.asText())));
      pair.get("forward").forEach(id -> forward.add(rule(id.asText())));
    }
    Set<Rule> expected = EnumSet.complementOf(EnumSet.of(Rule.SCHEMA_CHANGED, Rule.NOT_COMPARABLE, Rule.NOTHING_ALLOWED,
        Rule.CONST_CHANGED, Rule.PROPERTY_NAMES_NARROWED, Rule.MIN_PROPERTIES_RAISED, Rule.MAX_PROPERTIES_LOWERED));
    Set<Rule> missingBackward = EnumSet.copyOf(expected);
    missingBackward.removeAll(backward);
    Set<Rule> missingForward = EnumSet.copyOf(expected);
    missingForward.removeAll(forward);
    assertEquals(Set.of(), missingBackward, "rules no pair breaks backward");
    assertEquals(Set.of(), missingForward, "rules no pair breaks forward");
    for (Rule rule : Rule.values()) {
      if (rule != Rule.SCHEMA_CHANGED) {
        assertTrue(backward.contains(rule) || forward.contains(rule), "no pair exercises " + rule.id());
      }
    }
  }

  private static Rule rule(String id) {
    for (Rule rule : Rule.values()) {
      if (rule.id().equals(id)) {
        return rule;
      }
    }
    throw new AssertionError("the corpus names an unknown rule " + id);
  }

  @Test
  void aProblemInsideAReferencedRecordPointsAtItsDefinitionAndNamesBothSchemas() throws IOException {
    JsonNode pair = null;
    for (JsonNode p : corpus()) {
      if (p.get("rule").asText().startsWith("bound added inside")) {
        pair = p;
      }
    }
    List<Problem> problems = Compatibility.check(pair.get("old"), "Order:1", pair.get("new"), "Order:2", Mode.BACKWARD);
    assertEquals(1, problems.size(), problems::toString);
    assertEquals("/$defs/Line/properties/qty/maximum", problems.get(0).pointer());
    assertEquals("/$defs/Line/properties/qty/maximum [maximum-lowered]: backward: Order:2 has the upper bound <= 1000;"
        + " Order:1 allows any", problems.get(0).toString());
  }

  @Test
  void anOptionalComponentAddedToADerivedSchemaIsBackwardCompatibleAndBreaksForward() throws IOException {
    JsonNode pair = null;
    for (JsonNode p : corpus()) {
      if (p.get("rule").asText().equals("derived: Optional component added to a nested record")) {
        pair = p;
      }
    }
    JsonNode old = pair.get("old");
    JsonNode added = pair.get("new");
    assertEquals(List.of(), Compatibility.check(old, "OrderPlaced:1", added, "OrderPlaced:2", Mode.BACKWARD));
    assertEquals(List.of("/$defs/Line/properties/discount [property-removed]: forward: OrderPlaced:1 does not allow"
        + " 'discount' (additionalProperties: false); data written with OrderPlaced:2 may have it"),
        Compatibility.check(old, "OrderPlaced:1", added, "OrderPlaced:2", Mode.FULL).stream()
            .map(Problem::toString).collect(Collectors.toList()));
  }

  @Test
  void aRequiredPropertyAddedNamesThePropertyInTheNewDocument() throws IOException {
    JsonNode old = MAPPER.readTree("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},"
        + "\"required\":[\"a\"],\"additionalProperties\":false}");
    JsonNode added = MAPPER.readTree("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},"
        + "\"b\":{\"type\":\"string\"}},\"required\":[\"a\",\"b\"],\"additionalProperties\":false}");
    List<Problem> problems = Compatibility.check(old, "Order:1", added, "Order:2", Mode.BACKWARD);
    assertEquals(List.of("/required [required-added]: backward: Order:2 requires 'b'; data written with Order:1 may"
        + " lack it"), problems.stream().map(Problem::toString).collect(Collectors.toList()));
  }
}
