package dev.tidings.examples.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.DecodeException;
import dev.tidings.Registration;
import dev.tidings.Router;
import dev.tidings.SchemaDefinition;
import dev.tidings.SchemaValidationException.Violation;
import dev.tidings.examples.ExecutionRequest_Schema;
import dev.tidings.examples.ExecutionResult_Schema;
import dev.tidings.internal.codec.CompiledSchema;
import dev.tidings.internal.codec.Envelope;
import dev.tidings.internal.codec.EnvelopeCodec;
import dev.tidings.internal.codec.Json;
import dev.tidings.internal.codec.SchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated readers against the JSON Schema validator and Jackson's binding, on thousands of
 * seeded random documents per schema ({@link Documents}: valid and invalid, every constraint kind,
 * unicode and escapes, huge and non-finite numbers, duplicate keys, missing and unknown
 * properties, wrong types, nulls). For each document in an envelope:
 *
 * <ul>
 *   <li>soundness: when the reader (with the check) is sure, the generic route accepts the
 *       envelope (the validator finds no violation on the tree and Jackson binds it) and binds the
 *       very record the reader built, always;
 *   <li>never less complete than before: for every record the generic route accepted, the envelope
 *       Tidings writes for it is taken by the reader whenever the route without the reader (bind,
 *       check, rewrite, compare) took it;
 *   <li>closed objects: a document with a property its record does not declare (and no key
 *       twice, which could hide it) is refused by the generic route (the validator reports it:
 *       derived schemas have {@code additionalProperties: false}) and the reader is not sure of
 *       it, always;
 *   <li>and the documents hold plenty of valid and invalid ones, and the reader is sure of many.
 * </ul>
 */
class RecordReaderDifferentialTest {
  private static final long SEED = 20_261_204L;
  private static final int CASES = 3000;
  private static final int SHOWN = 5;

  private record Subject(String key, Registration registration, boolean mostlySure) {}

  private static final class Tally {
    int cases;
    int valid;
    int sure;
    int sureBefore;
    int sureNow;
    int unknown;
    final List<String> unsound = new ArrayList<>();
    final List<String> openObjects = new ArrayList<>();
    final List<String> lessComplete = new ArrayList<>();
  }

  @Test
  void generatedReadersAgreeWithTheValidatorAndJackson() {
    List<Subject> subjects = List.of(
        new Subject("check.read.Texts:1", new ReaderSamples_Texts_Schema(), true),
        new Subject("check.read.Numbers:1", new ReaderSamples_Numbers_Schema(), true),
        new Subject("check.read.Lists:1", new ReaderSamples_Lists_Schema(), true),
        new Subject("check.read.Tree:1", new ReaderSamples_Tree_Schema(), true),
        new Subject("check.read.Trimmed:1", new ReaderSamples_Trimmed_Schema(), true),
        new Subject("check.read.Shouting:1", new ReaderSamples_Shouting_Schema(), false),
        new Subject("ExecutionRequest:1", new ExecutionRequest_Schema(), true),
        new Subject("ExecutionResult:1", new ExecutionResult_Schema(), true));
    StringBuilder report = new StringBuilder();
    StringBuilder counts = new StringBuilder();
    for (Subject subject : subjects) {
      Tally t = run(subject);
      String line = subject.key() + ": " + t.cases + " documents, " + t.valid + " accepted by the generic route, "
          + t.sure + " read by the reader; Tidings-written: " + t.sureNow + " by the reader, " + t.sureBefore
          + " by the route without it; " + t.unknown + " with an unknown property (no duplicate key),"
          + " all refused";
      counts.append(line).append('\n');
      if (!t.unsound.isEmpty() || !t.lessComplete.isEmpty() || !t.openObjects.isEmpty()) {
        report.append(line).append('\n');
        t.unsound.forEach(s -> report.append("  reader sure, generic route disagrees: ").append(s).append('\n'));
        t.openObjects.forEach(s -> report.append("  unknown property not refused: ").append(s).append('\n'));
        t.lessComplete.forEach(s -> report.append("  reader not sure, route without it was: ").append(s).append('\n'));
      }
      assertTrue(t.valid >= 50 && t.cases - t.valid > t.cases / 10,
          "the documents of " + line + " must hold at least 50 valid and over 10% invalid ones");
      assertTrue(t.unknown >= 20, "the documents of " + line + " must hold unknown properties without duplicate keys");
      if (subject.mostlySure()) {
        assertTrue(t.sure > t.valid / 4, "the reader must be sure of many valid documents: " + line);
      }
    }
    if (report.length() > 0) {
      fail("generated readers disagree with the generic route:\n" + report + "\n" + counts);
    }
    System.out.print(counts);
  }

  private static Tally run(Subject subject) {
    SchemaDefinition<?> definition = definition(subject);
    assertTrue(definition.reader().isPresent(), "no generated reader for " + subject.key());
    EnvelopeCodec codec = codec(definition);
    EnvelopeCodec before = codec(withoutReader(definition));
    CompiledSchema schema = CompiledSchema.compile(definition);
    JsonNode document;
    try {
      document = Json.mapper().readTree(definition.jsonSchema());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    Documents documents = new Documents(SEED ^ subject.key().hashCode(), document);
    Tally t = new Tally();
    for (int i = 0; i < CASES; i++) {
      String data = documents.next();
      byte[] envelope = ("{\"schema\":\"" + subject.key() + "\",\"data\":" + data + "}").getBytes(StandardCharsets.UTF_8);
      EnvelopeCodec.Exact read = codec.decodeByReader(envelope);
      Record bound = null;
      List<Violation> violations = List.of();
      String generic;
      boolean validated = false;
      try {
        Envelope parsed = codec.parse(envelope);
        violations = schema.validate(parsed.data());
        validated = true;
        bound = codec.bind("test", parsed);
        generic = "accepted";
      } catch (DecodeException e) {
        generic = e.reason() + ": " + e.getMessage();
      }
      t.cases++;
      t.valid += bound != null ? 1 : 0;
      t.sure += read != null ? 1 : 0;
      if (documents.unknownProperties > 0 && documents.duplicateKeys == 0) {
        t.unknown++;
        // Refused either way; when the envelope parsed, the validator names the unknown property.
        boolean reported = !validated || violations.stream().anyMatch(v -> v.rule().equals("additionalProperties"));
        if ((read != null || bound != null || !reported) && t.openObjects.size() < SHOWN) {
          t.openObjects.add(data + "\n    reader " + (read == null ? null : read.record()) + "\n    generic "
              + generic + " " + bound + " " + violations);
        }
      }
      if (read != null && (bound == null || !violations.isEmpty() || !read.record().equals(bound))
          && t.unsound.size() < SHOWN) {
        t.unsound.add(data + "\n    reader " + read.record() + "\n    generic " + generic + " " + bound
            + " " + violations);
      }
      if (bound != null) {
        byte[] written;
        try {
          written = codec.encode("test", bound, true);
        } catch (RuntimeException e) {
          continue; // accepted, but not a record Tidings writes as it came (e.g. NaN): nothing to compare
        }
        boolean now = codec.decodeByReader(written) != null;
        boolean was = before.decodeExact(written) != null;
        t.sureNow += now ? 1 : 0;
        t.sureBefore += was ? 1 : 0;
        if (was && !now && t.lessComplete.size() < SHOWN) {
          t.lessComplete.add(new String(written, StandardCharsets.UTF_8));
        }
      }
    }
    return t;
  }

  @Test
  void recordsJacksonMayBindOtherwiseGetNoReader() {
    Router router = new Router();
    new ReaderSamples_TwoWays_Schema().register(router);
    SchemaDefinition<?> definition = router.schemas().get("check.read.TwoWays:1");
    assertTrue(definition.check().isPresent(), "the check does not depend on constructors");
    assertEquals(false, definition.reader().isPresent(), "a second constructor: no reader");
  }

  @Test
  void aNormalizingConstructorOrAccessorMakesTheReaderUnsure() {
    EnvelopeCodec trimmed = codec(definition(new Subject("check.read.Trimmed:1", new ReaderSamples_Trimmed_Schema(), true)));
    assertTrue(trimmed.decodeByReader(envelope("check.read.Trimmed:1", "{\"text\":\"ab\",\"n\":1}")) != null);
    assertEquals(null, trimmed.decodeByReader(envelope("check.read.Trimmed:1", "{\"text\":\" ab\",\"n\":1}")));
    EnvelopeCodec shouting =
        codec(definition(new Subject("check.read.Shouting:1", new ReaderSamples_Shouting_Schema(), false)));
    assertTrue(shouting.decodeByReader(envelope("check.read.Shouting:1", "{\"word\":\"AB\"}")) != null);
    // The accessor would write "AB", which the pattern accepts; "ab", which came in, it rejects.
    assertEquals(null, shouting.decodeByReader(envelope("check.read.Shouting:1", "{\"word\":\"ab\"}")));
  }

  private static byte[] envelope(String key, String data) {
    return ("{\"schema\":\"" + key + "\",\"data\":" + data + "}").getBytes(StandardCharsets.UTF_8);
  }

  private static EnvelopeCodec codec(SchemaDefinition<?> definition) {
    SchemaRegistry registry = new SchemaRegistry();
    registry.register(definition);
    return new EnvelopeCodec(registry);
  }

  private static <T extends Record> SchemaDefinition<T> withoutReader(SchemaDefinition<T> d) {
    return SchemaDefinition.builder(d.type()).id(d.id()).version(d.version()).jsonSchema(d.jsonSchema())
        .check(d.check().orElseThrow()).build();
  }

  private static SchemaDefinition<?> definition(Subject subject) {
    Router router = new Router();
    subject.registration().register(router);
    SchemaDefinition<?> definition = router.schemas().get(subject.key());
    if (definition == null) {
      throw new AssertionError("no schema " + subject.key());
    }
    return definition;
  }
}
