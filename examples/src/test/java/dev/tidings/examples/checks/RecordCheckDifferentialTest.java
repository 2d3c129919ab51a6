package dev.tidings.examples.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.RecordCheck;
import dev.tidings.Registration;
import dev.tidings.Router;
import dev.tidings.SchemaDefinition;
import dev.tidings.SchemaValidationException.Violation;
import dev.tidings.internal.codec.CompiledSchema;
import dev.tidings.internal.codec.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The generated checks of the {@link Samples} records against the JSON Schema validator, on
 * thousands of seeded random records biased to the edges. For each record, {@code valid} is what
 * the validator says of the JSON Tidings writes (Jackson's tree; a record Jackson cannot write, or
 * the validator cannot judge, is not valid):
 *
 * <ul>
 *   <li>soundness: the check says {@code true} only for valid records, always;
 *   <li>completeness: it says {@code true} for every valid record that holds only values it judges
 *       exactly (see {@code SampleCases}: NaN, email, sets of doubles, ... are not);
 *   <li>and the cases hold plenty of valid and of invalid records, so that both can fail.
 * </ul>
 */
class RecordCheckDifferentialTest {
  private static final long SEED = 20_250_611L;
  private static final int CASES = 1500;
  private static final int SHOWN = 5;

  /** One record type: how to make instances, and which the check must judge exactly. */
  private record Subject<T extends Record>(
      String id, Registration registration, Function<Edges, T> cases, Predicate<T> exact) {}

  /** What the cases of one subject gave. */
  private static final class Tally {
    int cases;
    int valid;
    int vouched;
    final List<String> unsound = new ArrayList<>();
    final List<String> incomplete = new ArrayList<>();
  }

  @Test
  void generatedChecksAgreeWithTheJsonSchemaValidator() {
    List<Subject<?>> subjects = List.of(
        new Subject<>("check.Texts", new Samples_Texts_Schema(), SampleCases::texts, r -> true),
        new Subject<>("check.Numbers", new Samples_Numbers_Schema(), SampleCases::numbers, SampleCases::numbersExact),
        new Subject<>("check.Choices", new Samples_Choices_Schema(), SampleCases::choices, r -> true),
        new Subject<>("check.Lists", new Samples_Lists_Schema(), SampleCases::lists, SampleCases::listsExact),
        new Subject<>("check.Tree", new Samples_Tree_Schema(), SampleCases::tree, r -> true),
        new Subject<>("check.Times", new Samples_Times_Schema(), SampleCases::times, SampleCases::timesExact),
        new Subject<>("check.Misc", new Samples_Misc_Schema(), SampleCases::misc, SampleCases::miscExact));
    Edges edges = new Edges(SEED);
    StringBuilder report = new StringBuilder();
    int cases = 0;
    int valid = 0;
    for (Subject<?> subject : subjects) {
      Tally tally = run(subject, edges);
      cases += tally.cases;
      valid += tally.valid;
      String counts = subject.id() + ": " + tally.cases + " cases, " + tally.valid + " valid, " + tally.vouched
          + " vouched for";
      if (!tally.unsound.isEmpty() || !tally.incomplete.isEmpty()) {
        report.append(counts).append('\n');
        tally.unsound.forEach(s -> report.append("  check says true, validator says invalid: ").append(s).append('\n'));
        tally.incomplete.forEach(s -> report.append("  check says false for a valid record: ").append(s).append('\n'));
      }
      assertTrue(tally.valid > tally.cases / 5 && tally.cases - tally.valid > tally.cases / 5,
          "the cases of " + counts + " must hold over 20% of valid and of invalid records");
    }
    if (report.length() > 0) {
      fail("generated checks disagree with the JSON Schema validator:\n" + report);
    }
    assertTrue(valid > cases / 5 && cases - valid > cases / 5, valid + " valid of " + cases);
  }

  private static <T extends Record> Tally run(Subject<T> subject, Edges edges) {
    SchemaDefinition<T> definition = definition(subject);
    RecordCheck<T> check = definition.check().orElseThrow(() -> new AssertionError("no check for " + subject.id()));
    CompiledSchema schema = CompiledSchema.compile(definition);
    Tally tally = new Tally();
    for (int i = 0; i < CASES; i++) {
      edges.nextCase();
      T record = subject.cases().apply(edges);
      boolean vouched = check.certainlyValid(record);
      JsonNode json = null;
      List<Violation> violations;
      try {
        json = Json.mapper().valueToTree(record);
        violations = schema.validate(json);
      } catch (RuntimeException e) {
        violations = List.of(new Violation("", "exception", String.valueOf(e)));
      }
      boolean isValid = violations.isEmpty();
      tally.cases++;
      tally.valid += isValid ? 1 : 0;
      tally.vouched += vouched ? 1 : 0;
      String shown = record + "\n    JSON " + json + "\n    violations " + violations;
      if (vouched && !isValid && tally.unsound.size() < SHOWN) {
        tally.unsound.add(shown);
      }
      if (!vouched && isValid && subject.exact().test(record) && tally.incomplete.size() < SHOWN) {
        tally.incomplete.add(shown);
      }
    }
    return tally;
  }

  @SuppressWarnings("unchecked")
  private static <T extends Record> SchemaDefinition<T> definition(Subject<T> subject) {
    Router router = new Router();
    subject.registration().register(router);
    SchemaDefinition<?> definition = router.schemas().get(subject.id() + ":1");
    return (SchemaDefinition<T>) definition;
  }

  @Test
  void recordsThatJacksonWritesOtherwiseGetNoCheck() {
    List<Registration> unjudged =
        List.of(new Samples_Included_Schema(), new Samples_Coded_Schema(), new Samples_Shadowed_Schema());
    for (Registration registration : unjudged) {
      Router router = new Router();
      registration.register(router);
      SchemaDefinition<?> definition = router.schemas().values().iterator().next();
      assertEquals(Optional.empty(), definition.check().map(c -> "a check"), definition.key());
    }
  }
}
