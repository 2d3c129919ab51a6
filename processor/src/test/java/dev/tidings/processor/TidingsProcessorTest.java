package dev.tidings.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.tidings.processor.Fixtures.source;
import static dev.tidings.processor.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The processor end to end: valid code compiles without warnings (generated code included) and the
 * generated files match the golden files under {@code src/test/resources/golden}.
 */
class TidingsProcessorTest {

  private static Compilation compileValid() {
    return javac()
        .withProcessors(new TidingsProcessor())
        .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror")
        .compile(source("valid/Order.java"), source("valid/Billing.java"), source("derive/Everything.java"));
  }

  @Test
  void validCodeCompilesWithoutWarningsUnderXlintAll() {
    Compilation compilation = compileValid();
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void deprecatedRecordsAndHandlersCompileWithoutWarnings() {
    Compilation compilation = javac()
        .withProcessors(new TidingsProcessor())
        .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror")
        .compile(source("valid/Legacy.java"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("shop.Legacy_Handler_Subscriptions")
        .contentsAsUtf8String()
        .contains("@SuppressWarnings({\"deprecation\", \"removal\"})");
    assertThat(compilation)
        .generatedSourceFile("shop.Legacy_Old_Schema")
        .contentsAsUtf8String()
        .contains("@SuppressWarnings(\"deprecation\")");
  }

  @Test
  void schemaRegistrationMatchesGoldenFile() {
    assertThat(compileValid())
        .generatedSourceFile("shop.Order_Schema")
        .contentsAsUtf8String()
        .isEqualTo(text("golden/Order_Schema.java.txt"));
  }

  @Test
  void readerMatchesGoldenFile() {
    assertThat(compileValid())
        .generatedSourceFile("shop.Order_Reader")
        .contentsAsUtf8String()
        .isEqualTo(text("golden/Order_Reader.java.txt"));
  }

  @Test
  void subscriptionsRegistrationMatchesGoldenFile() {
    assertThat(compileValid())
        .generatedSourceFile("shop.Billing_Subscriptions")
        .contentsAsUtf8String()
        .isEqualTo(text("golden/Billing_Subscriptions.java.txt"));
  }

  @Test
  void derivedSchemasMatchGoldenFiles() {
    Compilation compilation = compileValid();
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/tidings/schemas/Order-2.json")
        .contentsAsUtf8String()
        .isEqualTo(text("golden/Order-2.json"));
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/tidings/schemas/Everything-1.json")
        .contentsAsUtf8String()
        .isEqualTo(text("golden/Everything-1.json"));
  }

  @Test
  void everyRegistrationIsListedOnceInTheServicesFile() {
    assertThat(compileValid())
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/dev.tidings.Registration")
        .contentsAsUtf8String()
        .isEqualTo("shop.Billing_Subscriptions\nshop.Order_Schema\ntest.Everything_Schema\n");
  }

  @Test
  void outputIsTheSameWhateverTheOrderOfTheSources() {
    Compilation forward = compileValid();
    Compilation backward = javac()
        .withProcessors(new TidingsProcessor())
        .withOptions("-Xlint:all", "-Xlint:-processing")
        .compile(source("derive/Everything.java"), source("valid/Billing.java"), source("valid/Order.java"));
    for (String name : new String[] {"shop.Order_Schema", "shop.Billing_Subscriptions"}) {
      assertEquals(content(forward, name), content(backward, name), name);
    }
  }

  private static String content(Compilation compilation, String type) {
    return Fixtures.generatedSource(compilation, type);
  }

  @Test
  void typesGeneratedInALaterRoundAreWaitedFor() {
    Compilation compilation = javac()
        .withProcessors(new TidingsProcessor(), new GeneratesLater())
        .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror")
        .compile(source("valid/LaterHandler.java"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("shop.LaterHandler_Subscriptions")
        .contentsAsUtf8String()
        .contains(".on(Later.class, (payload, ctx) -> target.onLater(payload))");
    assertThat(compilation).generatedSourceFile("shop.LaterHandler_Wrapper_Schema");
    assertThat(compilation).generatedSourceFile("shop.Later_Schema");
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/tidings/schemas/Wrapper-1.json")
        .contentsAsUtf8String()
        .contains("\"$ref\": \"#/$defs/Later\"");
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/dev.tidings.Registration")
        .contentsAsUtf8String()
        .isEqualTo("shop.LaterHandler_Subscriptions\nshop.LaterHandler_Wrapper_Schema\nshop.Later_Schema\n");
  }

  /** Another processor that writes the {@code @Schema} record {@code shop.Later} in its first round. */
  static final class GeneratesLater extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done) {
        return false;
      }
      done = true;
      try {
        JavaFileObject file = processingEnv.getFiler().createSourceFile("shop.Later");
        try (Writer out = file.openWriter()) {
          out.write("package shop;\n\n@dev.tidings.Schema\npublic record Later(String id) {}\n");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return false;
    }
  }
}
