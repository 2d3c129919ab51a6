package dev.tidings.processor.internal;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tidings.processor.Fixtures.compile;
import static dev.tidings.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import dev.tidings.processor.Fixtures;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Every diagnostic of {@link SchemaStep}, on the line it belongs to. */
class SchemaStepTest {

  @Test
  void schemaOnAClassIsAnError() {
    JavaFileObject file = source("schema/NotRecord.java");
    Compilation compilation = compile(file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[SchemaNotRecord] @Schema applies to records, but test.NotRecord is a class")
        .inFile(file)
        .onLineContaining("@Schema");
    assertThat(compilation).hadErrorContaining("record NotRecord(...) {}");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void privateRecordIsAnError() {
    JavaFileObject file = source("schema/Hidden.java");
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContaining("[SchemaVisibility] @Schema record test.Hidden.Secret is private")
        .inFile(file)
        .onLineContaining("@Schema");
    assertThat(compilation).hadErrorContaining("Make it package-private or public");
  }

  @Test
  void genericRecordIsAnError() {
    JavaFileObject file = source("schema/Box.java");
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContaining("[SchemaGeneric] @Schema record test.Box has type parameters <T>")
        .inFile(file)
        .onLineContaining("@Schema");
  }

  @Test
  void aGetterJacksonWritesBesidesTheComponentsIsAnErrorSinceTheModelIsClosed() {
    JavaFileObject file = source("schema/Getters.java");
    Compilation compilation = compile(file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[SchemaGetter] Getters.getDisplay() is a public getter of test.Getters, so Jackson"
            + " writes it as the property 'display', which the derived schema of Getters does not declare;"
            + " derived schemas are closed (additionalProperties: false), so every Getters would be refused."
            + " Annotate the getter with @JsonIgnore, rename it so that it is no getter (e.g. display()), or"
            + " replace the derived schema with @Schema(resource = \"...\").")
        .inFile(file)
        .onLineContaining("public String getDisplay()");
    assertThat(compilation)
        .hadErrorContaining("[SchemaGetter] Getters.isBig() is a public getter of test.Getters, so Jackson writes"
            + " it as the property 'big'")
        .inFile(file)
        .onLineContaining("public boolean isBig()");
    assertThat(compilation)
        .hadErrorContaining("[SchemaGetter] Part.getWeight() is a public getter of test.Getters.Part, so Jackson"
            + " writes it as the property 'weight', which the derived schema of Getters does not declare")
        .inFile(file)
        .onLineContaining("List<Part> parts");
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void everyUnmappableComponentIsReportedOnItsLine() {
    JavaFileObject file = source("schema/Unmappable.java");
    Compilation compilation = compile(file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[SchemaComponentType] component anything of @Schema record Unmappable has type Object")
        .inFile(file)
        .onLineContaining("Object anything");
    assertThat(compilation).hadErrorContaining("use JsonNode for free-form JSON");
    assertThat(compilation)
        .hadErrorContaining("component rawList of @Schema record Unmappable has type java.util.List, which has no"
            + " JSON Schema mapping (a raw type; give its type arguments, e.g. List<String>)")
        .inFile(file)
        .onLineContaining("List rawList");
    assertThat(compilation)
        .hadErrorContaining("component byNumber of @Schema record Unmappable has type"
            + " java.util.Map<Integer, String>, which has no JSON Schema mapping (map keys must be String"
            + " or an enum")
        .inFile(file)
        .onLineContaining("byNumber");
    assertThat(compilation)
        .hadErrorContaining("component thread of @Schema record Unmappable has type Thread")
        .inFile(file)
        .onLineContaining("Thread thread");
    assertThat(compilation)
        .hadErrorContaining("component parts[].task of @Schema record Unmappable has type Runnable, which has no"
            + " JSON Schema mapping (an interface")
        .inFile(file)
        .onLineContaining("List<Part> parts");
    assertThat(compilation).hadErrorContaining("@Schema(resource = \"...\")");
    assertThat(compilation).hadErrorCount(5);
  }

  @Test
  void duplicateIdAndVersionIsReportedOnTheSecondRecord() {
    JavaFileObject a = source("schema/DuplicateA.java");
    JavaFileObject b = source("schema/DuplicateB.java");
    Compilation compilation = compile(a, b);
    assertThat(compilation)
        .hadErrorContaining("[SchemaDuplicate] schema Order:3 is declared by both test.DuplicateA and test.DuplicateB")
        .inFile(b)
        .onLineContaining("@Schema");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void idWithColonOrBlankIsAnError() {
    JavaFileObject file = source("schema/BadIds.java");
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContaining("[SchemaId] schema id 'Order:1' of test.BadIds.WithColon is invalid: it contains ':'")
        .inFile(file)
        .onLineContaining("Order:1");
    assertThat(compilation)
        .hadErrorContaining("[SchemaId] schema id '   ' of test.BadIds.Blank is invalid: it is blank")
        .inFile(file)
        .onLineContaining("\"   \"");
    assertThat(compilation).hadErrorContaining("omit id to use the simple name Blank");
  }

  @Test
  void versionBelowOneIsAnError() {
    JavaFileObject file = source("schema/BadVersion.java");
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContaining("[SchemaVersion] schema Versioned of test.BadVersion has version 0; versions start at 1")
        .inFile(file)
        .onLineContaining("version = 0");
  }

  @Test
  void negativeRetentionIsAnError() {
    JavaFileObject file = source("schema/BadRetention.java");
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContaining("[SchemaRetention] schema BadRetention:1 has retention -7; retention is in seconds")
        .inFile(file)
        .onLineContaining("retention = -7");
  }

  @Test
  void invalidOrRepeatedStreamsAreErrors() {
    JavaFileObject file = source("schema/BadStreams.java");
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContaining("[SchemaStreams] schema BadStreams:1 lists stream 'bad stream', which contains whitespace")
        .inFile(file)
        .onLineContaining("\"bad stream\"");
    assertThat(compilation)
        .hadErrorContaining("lists stream 'orders', which is listed twice")
        .inFile(file)
        .onLineContaining("\"orders\"})");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void missingResourceIsAnError() {
    JavaFileObject file = source("schema/MissingResource.java");
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContaining("[SchemaResource] schema MissingResource:1 names resource 'schemas/missing.json', which is"
            + " not on the class path")
        .inFile(file)
        .onLineContaining("resource =");
    assertThat(compilation).hadErrorContaining("src/main/resources/schemas/missing.json");
  }

  @Test
  void resourceThatIsNotJsonIsAnErrorWithItsPosition() {
    JavaFileObject file = source("schema/BrokenResource.java");
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContaining("[SchemaResource] schema BrokenResource:1 names resource 'schemas/broken.json', which is"
            + " not valid JSON: expected '\"' at line 3, column 43")
        .inFile(file)
        .onLineContaining("resource =");
  }

  @Test
  void handWrittenResourceReplacesTheDerivedSchema() throws Exception {
    Compilation compilation = compile(source("schema/HandWritten.java"));
    assertThat(compilation).succeededWithoutWarnings();
    String expected = Fixtures.text("schemas/hand-written.json");
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/tidings/schemas/HandWritten-1.json")
        .contentsAsUtf8String()
        .isEqualTo(expected);
    assertThat(compilation)
        .generatedSourceFile("test.HandWritten_Schema")
        .contentsAsUtf8String()
        .contains("The JSON Schema document, read from schemas/hand-written.json.");
  }

  @Test
  void unresolvedComponentTypeWaitsAndIsReportedAtTheEnd() {
    JavaFileObject file = source("schema/Incomplete.java");
    Compilation compilation = compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol");
    assertThat(compilation)
        .hadErrorContaining("[Unresolved] @Schema record test.Incomplete could not be processed because type"
            + " NoSuchType could not be resolved")
        .inFile(file)
        .onLineContaining("record Incomplete");
  }

  @Test
  void constraintOnTheWrongTypeIsAWarning() {
    JavaFileObject file = source("schema/Misfit.java");
    Compilation compilation = compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[SchemaConstraint] @Min on component code of Misfit constrains a string, but it"
            + " applies to numbers")
        .inFile(file)
        .onLineContaining("@Min(3) String code");
    assertThat(compilation)
        .hadWarningContaining("@NotBlank on component count of Misfit constrains a number, but it applies to strings")
        .inFile(file)
        .onLineContaining("@NotBlank int count");
  }
}
