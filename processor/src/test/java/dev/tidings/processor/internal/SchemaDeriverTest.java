package dev.tidings.processor.internal;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tidings.processor.Fixtures.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tidings.processor.Fixtures;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The derived schemas; the full mapping of every supported type is pinned by the golden file
 * {@code golden/Everything-1.json} in {@code TidingsProcessorTest}.
 */
class SchemaDeriverTest {

  private static String schemaOf(Compilation compilation, String file) {
    assertThat(compilation).succeededWithoutWarnings();
    try {
      return compilation
          .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/tidings/schemas/" + file)
          .orElseThrow()
          .getCharContent(true)
          .toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void typeUseNullableMakesAComponentOptional() {
    String schema = schemaOf(compile("derive/TypeUse.java"), "TypeUse-1.json");
    assertTrue(schema.contains("\"maybe\": {\n      \"type\": [\"string\", \"null\"]"), schema);
    assertTrue(schema.contains("\"required\": [\"sure\"]"), schema);
  }

  @Test
  void declarationNullableAllowsNullAsJacksonWritesIt() {
    String schema = schemaOf(compile("derive/DeclarationNullable.java"), "DeclarationNullable-1.json")
        .replaceAll("\\s+", "");
    assertTrue(schema.contains("\"maybe\":{\"type\":[\"string\",\"null\"]}"), schema);
    assertTrue(schema.contains("\"part\":{\"anyOf\":[{\"$ref\":\"#/$defs/Part\"},{\"type\":\"null\"}]}"), schema);
    assertTrue(schema.contains("\"list\":{\"type\":[\"array\",\"null\"]"), schema);
    assertTrue(schema.contains("\"required\":[\"sure\"]"), schema);
  }

  @Test
  void recordsWithTheSameSimpleNameGetQualifiedDefinitions() {
    String schema = schemaOf(compile("derive/Twins.java"), "Twins-1.json");
    assertTrue(schema.contains("\"$ref\": \"#/$defs/test.Twins.First.Part\""), schema);
    assertTrue(schema.contains("\"test.Twins.Second.Part\": {"), schema);
  }

  @Test
  void theFrameworksOwnConstraintsBecomeKeywords() {
    String schema = schemaOf(compile("derive/OwnConstraints.java"), "OwnConstraints-1.json").replaceAll("\\s+", "");
    assertTrue(schema.contains("\"minimum\":1,\"maximum\":10"), schema);
    assertTrue(schema.contains("\"pattern\":\"^(?:[A-Z]{3})$\""), schema);
    assertTrue(schema.contains("\"minItems\":1,\"maxItems\":5"), schema);
    assertTrue(schema.contains("\"minLength\":1") || schema.contains("\\S"), schema);
  }

  @Test
  void everySupportedTypeMapsAsPinned() {
    String schema = schemaOf(compile("derive/Everything.java"), "Everything-1.json");
    assertEquals(Fixtures.text("golden/Everything-1.json"), schema);
  }
}
