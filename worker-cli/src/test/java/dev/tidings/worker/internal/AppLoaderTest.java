package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Router;
import dev.tidings.worker.testing.TestClassPath;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppLoaderTest {
  private static final ClassLoader PARENT = AppLoaderTest.class.getClassLoader();

  @TempDir
  Path dir;

  @Test
  void withoutAppEveryRegistrationOnTheClassPathIsDiscovered() {
    Router router = AppLoader.router(null, PARENT);
    assertTrue(router.schemas().containsKey("Greeting:1"), router.schemas().toString());
    assertEquals("greeter", router.subscriptions().get(0).group());
  }

  @Test
  void aRegistrationClassRegistersOnAnEmptyRouter() {
    Router router = AppLoader.router("dev.tidings.worker.fixtures.GreeterApp", PARENT);
    assertTrue(router.schemas().containsKey("Greeting:1"), "GreeterApp adds the discovered registrations");
    assertEquals(1, router.startHooks().size());
  }

  @Test
  void aClassWithAStaticRouterMethodIsAFactory() {
    Router router = AppLoader.router("dev.tidings.worker.fixtures.RouterFactoryApp", PARENT);
    assertEquals(List.of("Farewell:2"), List.copyOf(router.schemas().keySet()));
  }

  @Test
  void aMissingClassIsNamedWithTheClassPath() {
    WorkerException e = assertThrows(WorkerException.class, () -> AppLoader.router("com.example.Missing", PARENT));
    assertTrue(e.getMessage().startsWith("application class com.example.Missing was not found on the class path ["),
        e.getMessage());
    assertTrue(e.getMessage().contains(System.getProperty("java.class.path")), e.getMessage());
    assertEquals(ExitCode.FAILURE, e.exitCode());
  }

  @Test
  void aClassOfNoSupportedFormIsRefusedWithTheForms() {
    WorkerException e = assertThrows(WorkerException.class,
        () -> AppLoader.router("dev.tidings.worker.fixtures.NotAnApp", PARENT));
    assertTrue(e.getMessage().contains("is neither a dev.tidings.Registration"), e.getMessage());
    assertTrue(e.getMessage().contains("public static Router router()"), e.getMessage());
  }

  @Test
  void aFailingApplicationIsReportedWithItsCause() {
    WorkerException e = assertThrows(WorkerException.class,
        () -> AppLoader.router("dev.tidings.worker.fixtures.FailingApp", PARENT));
    assertTrue(e.getMessage().contains("FailingApp failed while registering"), e.getMessage());
    assertTrue(e.getMessage().contains("cannot read my configuration"), e.getMessage());
  }

  @Test
  void jarsGivenWithClassPathAreLoadedAndDiscovered() throws Exception {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    TestClassPath.compileJar(lib.resolve("extra.jar"), "extra.ExtraRegistration", """
        package extra;
        public final class ExtraRegistration implements dev.tidings.Registration {
          public record Extra(String x) {}
          @Override public void register(dev.tidings.Router router) {
            router.schema(dev.tidings.SchemaDefinition.of(Extra.class, "Extra", 1, "{\\"type\\":\\"object\\"}"));
          }
        }
        """, List.<String[]>of(new String[] {"META-INF/services/dev.tidings.Registration", "extra.ExtraRegistration\n"}));
    assertThrows(WorkerException.class, () -> AppLoader.router("extra.ExtraRegistration", PARENT));

    for (String entry : List.of(lib + "/*", lib.resolve("extra.jar").toString())) {
      try (URLClassLoader loader = AppLoader.classLoader(List.of(entry), PARENT)) {
        assertTrue(AppLoader.router(null, loader).schemas().containsKey("Extra:1"), entry);
        assertTrue(AppLoader.router(null, loader).schemas().containsKey("Greeting:1"), entry);
        assertEquals(List.of("Extra:1"),
            List.copyOf(AppLoader.router("extra.ExtraRegistration", loader).schemas().keySet()));
      }
    }
  }

  @Test
  void aRegistrationListedButMissingIsNamedWithTheClassPath() throws Exception {
    Path jar = dir.resolve("broken.jar");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new java.util.jar.JarEntry("META-INF/services/dev.tidings.Registration"));
      out.write("com.example.GoneRegistration\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeEntry();
    }
    try (URLClassLoader loader = AppLoader.classLoader(List.of(jar.toString()), PARENT)) {
      WorkerException e = assertThrows(WorkerException.class, () -> AppLoader.router(null, loader));
      assertTrue(e.getMessage().startsWith("cannot load the application's registrations ("), e.getMessage());
      assertTrue(e.getMessage().contains("com.example.GoneRegistration"), e.getMessage());
      assertTrue(e.getMessage().contains(jar.toString()), e.getMessage());
    }
  }

  @Test
  void aMissingClassPathEntryIsNamed() {
    WorkerException e = assertThrows(WorkerException.class,
        () -> AppLoader.classLoader(List.of(dir.resolve("nope.jar").toString()), PARENT));
    assertTrue(e.getMessage().contains("nope.jar does not exist"), e.getMessage());
  }
}
