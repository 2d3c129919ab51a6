package dev.tidings.worker.internal;

import dev.tidings.Router;
import java.io.IOException;
import java.net.URLClassLoader;

/**
 * The application's class loader and router, with the class loader installed as the thread's
 * context class loader (threads the application starts inherit it) until {@link #close()}.
 */
public final class LoadedApp implements AutoCloseable {
  private final URLClassLoader loader;
  private final Router router;
  private final ClassLoader previous;

  private LoadedApp(URLClassLoader loader, Router router, ClassLoader previous) {
    this.loader = loader;
    this.router = router;
    this.previous = previous;
  }

  /**
   * Loads the application named by the options (see {@link AppLoader}).
   *
   * @throws WorkerException when it cannot be loaded
   */
  public static LoadedApp load(WorkerOptions options) {
    URLClassLoader loader = AppLoader.classLoader(options.classPath(), LoadedApp.class.getClassLoader());
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return new LoadedApp(loader, AppLoader.router(options.app(), loader), previous);
    } catch (RuntimeException | Error e) {
      thread.setContextClassLoader(previous);
      closeQuietly(loader);
      throw e;
    }
  }

  public Router router() {
    return router;
  }

  /** The class path, for messages. */
  public String describeClassPath() {
    return AppLoader.describeClassPath(loader);
  }

  /** Whether the application registers nothing at all. */
  public boolean isEmpty() {
    return router.schemas().isEmpty() && router.subscriptions().isEmpty();
  }

  /** A {@link WorkerException} saying that nothing was found and how to fix it. */
  public WorkerException nothingFound(String what) {
    return new WorkerException(ExitCode.FAILURE, "found no " + what + ": no dev.tidings.Registration on the class path "
        + describeClassPath() + " registers any (the annotation processor lists the generated ones in"
        + " META-INF/services/dev.tidings.Registration). Add the application's jar with -cp/--app-jar, or name"
        + " an application class");
  }

  @Override
  public void close() {
    Thread.currentThread().setContextClassLoader(previous);
    closeQuietly(loader);
  }

  private static void closeQuietly(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      // nothing left to do: the jars stay open until the JVM exits
    }
  }
}
