package dev.tidings.processor.internal;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.tidings.processor.Fixtures.compile;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tidings.processor.Fixtures;
import dev.tidings.processor.TidingsProcessor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The generated checks: when there is one, and the code that the constructs need. The source of a
 * whole check is pinned by {@code golden/Order_Schema.java.txt}; what checks decide is tested
 * against the JSON Schema validator in the examples ({@code RecordCheckDifferentialTest}).
 */
class CheckDeriverTest {

  private static Compilation strict(String... resources) {
    Compilation compilation = javac()
        .withProcessors(new TidingsProcessor())
        .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror")
        .compile(Arrays.stream(resources).map(Fixtures::source).toList());
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  private static String generated(Compilation compilation, String type) {
    return Fixtures.generatedSource(compilation, type);
  }

  private static void assertNoCheck(Compilation compilation, String type, String reason) {
    String code = generated(compilation, type);
    assertFalse(code.contains(".check("), code);
    assertFalse(code.contains("static boolean check("), code);
    assertTrue(code.contains("<p>No generated check: " + reason), code);
  }

  @Test
  void recordsThatJacksonWritesOtherwiseGetNoCheck() {
    Compilation compilation = strict("check/Unjudged.java");
    assertNoCheck(compilation, "check.Unjudged_Serialized_Schema",
        "@JsonSerialize on Serialized.amount may change what Jackson writes.");
    assertNoCheck(compilation, "check.Unjudged_WriteOnly_Schema",
        "@JsonProperty on WriteOnly.secret may change what Jackson writes.");
    assertNoCheck(compilation, "check.Unjudged_Naming_Schema", "@JsonNaming on Naming may change what Jackson writes.");
    assertNoCheck(compilation, "check.Unjudged_Labeled_Schema",
        "@JsonProperty on Label.A may change what Jackson writes.");
    assertNoCheck(compilation, "check.Unjudged_Inherited_Schema",
        "@JsonIgnore on HasId.id may change what Jackson writes.");
  }

  @Test
  void recordsTheCheckCannotNameOrPatternsThatDoNotCompileGetNoCheck() {
    Compilation compilation = strict("check/Unjudged.java");
    assertNoCheck(compilation, "check.Unjudged_WithSecret_Schema",
        "check.Unjudged.WithSecret.Secret is not visible from package check.");
    assertNoCheck(compilation, "check.Unjudged_BadPattern_Schema", "the pattern ^(?:[a-)$ does not compile");
  }

  @Test
  void handWrittenSchemasGetNoCheckAndSayNothingAboutIt() {
    String code = generated(compile("schema/HandWritten.java"), "test.HandWritten_Schema");
    assertFalse(code.contains("check"), code);
  }

  @Test
  void renamesAndDescriptionsKeepTheCheck() {
    String code = generated(strict("check/Judged.java"), "check.Judged_Renamed_Schema");
    assertTrue(code.contains(".check(Judged_Renamed_Schema::check)"), code);
    assertTrue(code.contains("var renamed = v.renamed();"), code);
  }

  @Test
  void constraintsNoValueMeetsMakeTheCheckSayFalseInCodeThatCompiles() {
    Compilation compilation = strict("check/Judged.java");
    String impossible = generated(compilation, "check.Judged_Impossible_Schema");
    assertTrue(impossible.contains("var letter = v.letter();\n    return false;\n  }"), impossible);
    assertFalse(impossible.contains("v.after()"), "nothing after an unconditional return false:\n" + impossible);
    String maybe = generated(compilation, "check.Judged_MaybeImpossible_Schema");
    assertTrue(maybe.contains("if (never != null && never.isPresent()) {\n      var neverValue = never.get();\n"
        + "      return false;\n    }"), maybe);
    assertTrue(maybe.contains("var after = v.after();"), maybe);
  }

  @Test
  void optionalsAreTestedWhenPresent() {
    String code = generated(strict("check/Judged.java"), "check.Judged_Twice_Schema");
    assertTrue(code.contains("if (twice != null && twice.isPresent()) {\n      var twiceValue = twice.get();\n"
        + "      if (twiceValue.isPresent()) {\n        var twiceValueValue = twiceValue.get();\n"), code);
  }

  @Test
  void recursionGoesThroughTheRootAndTheHelpers() {
    String code = generated(strict("check/Judged.java"), "check.Judged_Tree_Schema");
    assertTrue(code.contains("if (!check(item)) {"), code);
    assertTrue(code.contains("private static boolean checkLeaf(Judged.Leaf v) {"), code);
    assertTrue(code.contains("if (!checkLeaf(item2)) {"), code);
    assertTrue(code.contains("if (entryValue.size() > 1) {"),
        "a set of records holds one item or is not judged:\n" + code);
  }

  @Test
  void fractionalBoundsAreTheDoublesTheValidatorReads() {
    String code = generated(strict("check/Judged.java"), "check.Judged_Tree_Schema");
    assertTrue(code.contains("if (weight > 0.3) {"), code);
  }

  @Test
  void deprecatedTypesInTheCheckCompileWithoutWarnings() {
    String code = generated(strict("check/Judged.java"), "check.Judged_Old_Schema");
    assertTrue(code.contains(
        "@SuppressWarnings({\"deprecation\", \"removal\"})\n  static boolean check(Judged.Old v)"), code);
    assertTrue(code.contains("private static boolean checkPart(Judged.Part v)"), code);
  }
}
