package dev.tidings.worker.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** The class path of the tests, and small things built from it. */
public final class TestClassPath {
  private TestClassPath() {}

  /** The real test class path (surefire hides it behind a manifest-only jar in java.class.path). */
  public static String get() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** The {@code java} of this JVM. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A port nobody listens on right now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compiles one source file against the test class path and packs the class files and the given
   * resources into {@code jar}.
   */
  public static Path compileJar(Path jar, String className, String source, List<String[]> resources)
      throws IOException {
    Path work = Files.createTempDirectory(jar.getParent(), "src");
    Path file = work.resolve(className.replace('.', '/') + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source, StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(work.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-cp", get(), "-d", classes.toString(), file.toString());
    if (rc != 0) {
      throw new IllegalStateException("javac failed with " + rc + " for " + file);
    }
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
      try (var paths = Files.walk(classes)) {
        for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
          zip.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
          zip.write(Files.readAllBytes(p));
          zip.closeEntry();
        }
      }
      for (String[] resource : resources) {
        zip.putNextEntry(new JarEntry(resource[0]));
        zip.write(resource[1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
