package dev.tidings.worker.internal;

import dev.tidings.Registration;
import dev.tidings.Router;
import dev.tidings.TidingsException;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;

/**
 * Finds the application to run.
 *
 * <p>The class path is the JVM's own plus the entries of {@code -cp/--class-path/--app-jar} (jars
 * or class directories, several per option separated by {@code File.pathSeparator}, {@code dir/*}
 * for every jar in a directory), loaded by a {@link URLClassLoader} whose parent is the worker's
 * class loader.
 *
 * <p>The application is then, in this order of precedence:
 *
 * <ul>
 *   <li>no APP: every {@link Registration} that {@link java.util.ServiceLoader} finds on that class
 *       path (the processor lists the generated ones in {@code META-INF/services/dev.tidings.Registration});
 *   <li>APP naming a class that implements {@link Registration} and has a public no-argument
 *       constructor: a hand-written application that registers what it wants on an empty router
 *       (it may call {@code router.registerDiscovered(loader)} to add the generated registrations,
 *       and {@code router.onStart(app -> ...)} to start work once the subscriptions run);
 *   <li>APP naming a class with a {@code public static Router router()} method: a factory.
 * </ul>
 */
public final class AppLoader {
  private AppLoader() {}

  /**
   * A class loader over the worker's class path and {@code entries}.
   *
   * @throws WorkerException when an entry does not exist
   */
  public static URLClassLoader classLoader(List<String> entries, ClassLoader parent) {
    List<URL> urls = new ArrayList<>();
    for (String option : entries) {
      for (String entry : option.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          urls.addAll(expand(entry.trim()));
        }
      }
    }
    return new URLClassLoader("tidings-app", urls.toArray(URL[]::new), parent);
  }

  private static List<URL> expand(String entry) {
    List<Path> paths = new ArrayList<>();
    if (entry.endsWith("/*") || entry.endsWith(File.separator + "*")) {
      Path dir = Path.of(entry.substring(0, entry.length() - 2));
      if (!Files.isDirectory(dir)) {
        throw new WorkerException(ExitCode.FAILURE, "class path entry " + entry + ": " + dir.toAbsolutePath()
            + " is not a directory");
      }
      try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.{jar,JAR}")) {
        jars.forEach(paths::add);
      } catch (IOException e) {
        throw new WorkerException(ExitCode.FAILURE, "class path entry " + entry + " cannot be listed: " + e, e);
      }
      paths.sort(null);
    } else {
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        throw new WorkerException(ExitCode.FAILURE, "class path entry " + path.toAbsolutePath()
            + " does not exist: check the -cp/--app-jar option (did you build the application jar?)");
      }
      paths.add(path);
    }
    List<URL> urls = new ArrayList<>();
    for (Path path : paths) {
      try {
        urls.add(path.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw new WorkerException(ExitCode.FAILURE, "class path entry " + path + " is not a valid path: " + e, e);
      }
    }
    return urls;
  }

  /**
   * The router of the application: discovered ({@code appClass == null}) or built by {@code
   * appClass}.
   *
   * @throws WorkerException when the class cannot be loaded, is of no supported form, or fails
   */
  public static Router router(String appClass, ClassLoader loader) {
    if (appClass == null || appClass.isBlank()) {
      return discover(loader);
    }
    Class<?> type;
    try {
      type = Class.forName(appClass.trim(), true, loader);
    } catch (ClassNotFoundException e) {
      throw new WorkerException(ExitCode.FAILURE, "application class " + appClass + " was not found on the class"
          + " path " + describeClassPath(loader) + ": add its jar with -cp/--app-jar, or check the name", e);
    } catch (LinkageError e) {
      throw new WorkerException(ExitCode.FAILURE, "application class " + appClass + " cannot be loaded (" + e
          + ") from the class path " + describeClassPath(loader) + ": add the jars it depends on with -cp", e);
    }
    if (Registration.class.isAssignableFrom(type)) {
      Registration registration = (Registration) instantiate(type);
      Router router = new Router();
      call(type, () -> registration.register(router));
      return router;
    }
    Method factory = routerMethod(type);
    if (factory == null) {
      throw new WorkerException(ExitCode.FAILURE, "application class " + type.getName() + " is neither a "
          + Registration.class.getName() + " (with a public no-argument constructor) nor a class with a"
          + " public static Router router() method: implement one of the two");
    }
    Router[] result = new Router[1];
    call(type, () -> result[0] = (Router) factory.invoke(null));
    if (result[0] == null) {
      throw new WorkerException(ExitCode.FAILURE, type.getName() + ".router() returned null: return a Router");
    }
    return result[0];
  }

  private static Router discover(ClassLoader loader) {
    try {
      return Router.discover(loader);
    } catch (ServiceConfigurationError | LinkageError e) {
      throw new WorkerException(ExitCode.FAILURE, "cannot load the application's registrations (" + e.getMessage()
          + ") from the class path " + describeClassPath(loader) + ": add the missing jars with -cp/--app-jar", e);
    } catch (TidingsException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new WorkerException(ExitCode.FAILURE, "a registration on the class path failed: " + e, e);
    }
  }

  private static Method routerMethod(Class<?> type) {
    try {
      Method m = type.getMethod("router");
      if (Modifier.isStatic(m.getModifiers()) && Router.class.isAssignableFrom(m.getReturnType())) {
        return m;
      }
      return null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static Object instantiate(Class<?> type) {
    if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
      throw new WorkerException(ExitCode.FAILURE, "application class " + type.getName()
          + " must be a public, non-abstract class with a public no-argument constructor");
    }
    try {
      return type.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new WorkerException(ExitCode.FAILURE, "application class " + type.getName()
          + " has no public no-argument constructor: add one", e);
    } catch (InvocationTargetException e) {
      throw failedIn(type, e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new WorkerException(ExitCode.FAILURE, "application class " + type.getName()
          + " cannot be created: " + e, e);
    }
  }

  private interface Body {
    void run() throws Exception;
  }

  private static void call(Class<?> type, Body body) {
    try {
      body.run();
    } catch (InvocationTargetException e) {
      throw failedIn(type, e.getCause());
    } catch (WorkerException e) {
      throw e;
    } catch (Exception | LinkageError e) {
      throw failedIn(type, e);
    }
  }

  private static WorkerException failedIn(Class<?> type, Throwable cause) {
    return new WorkerException(ExitCode.FAILURE, "application class " + type.getName()
        + " failed while registering its schemas and subscriptions: " + cause, cause);
  }

  /** The JVM class path followed by the entries of the application class loaders, for messages. */
  public static String describeClassPath(ClassLoader loader) {
    List<String> parts = new ArrayList<>();
    for (ClassLoader l = loader; l != null; l = l.getParent()) {
      if (l instanceof URLClassLoader u) {
        List<String> mine = new ArrayList<>();
        for (URL url : u.getURLs()) {
          mine.add(url.getPath());
        }
        parts.addAll(0, mine);
      }
    }
    parts.add(0, System.getProperty("java.class.path"));
    return "[" + String.join(File.pathSeparator, parts) + "]";
  }
}
