package dev.tidings.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;

/** Compiles fixtures from {@code src/test/resources} with the processor. */
public final class Fixtures {
  private static final List<String> OPTIONS = List.of("-Xlint:all", "-Xlint:-processing");

  private Fixtures() {}

  public static JavaFileObject source(String resource) {
    return JavaFileObjects.forResource(resource);
  }

  /**
   * Compiles with the project's lint options ({@code -Xlint:all -Xlint:-processing}: javac's
   * processing lint warns about annotations no processor claims, such as Jakarta's); warnings are
   * allowed, tests assert on them.
   */
  public static Compilation compile(String... resources) {
    return javac()
        .withProcessors(new TidingsProcessor())
        .withOptions(OPTIONS)
        .compile(Arrays.stream(resources).map(Fixtures::source).toList());
  }

  public static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new TidingsProcessor()).withOptions(OPTIONS).compile(sources);
  }

  /** The text of the source file {@code type} that {@code compilation} generated. */
  public static String generatedSource(Compilation compilation, String type) {
    try {
      return compilation.generatedSourceFile(type).orElseThrow().getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a test resource. */
  public static String text(String resource) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
