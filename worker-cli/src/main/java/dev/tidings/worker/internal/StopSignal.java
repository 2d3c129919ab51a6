package dev.tidings.worker.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT and SIGTERM into a graceful stop.
 *
 * <p>The JVM runs shutdown hooks on a signal. The hook installed here only asks the worker's run
 * thread to stop and then keeps the JVM from finishing its exit (which would use status 128 +
 * signal) until that thread has closed the application: in-flight records finish, offsets are
 * committed, the group is left, the dev broker stops. {@code Main} then halts the JVM with the
 * worker's own exit code, 0. If the run thread does not finish within the bound, the hook returns
 * and the JVM exits anyway, with 128 + signal.
 *
 * <p>{@link #request()} stops a worker without a signal (tests, embedding).
 */
public final class StopSignal {
  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile boolean bySignal;
  private Thread hook;

  /** Installs the shutdown hook; the calling thread is the run thread. */
  public synchronized void install(Duration bound) {
    if (hook != null) {
      return;
    }
    Thread runThread = Thread.currentThread();
    hook = new Thread(() -> onSignal(bound, runThread), "tidings-worker-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  private void onSignal(Duration bound, Thread runThread) {
    bySignal = true;
    requested.countDown();
    try {
      if (done.await(bound.toMillis(), TimeUnit.MILLISECONDS)) {
        // Main halts with the exit code as soon as the run thread returns; give it the moment it needs.
        runThread.join(5_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Removes the hook after a run that ended without a signal. Does nothing while the JVM exits. */
  public synchronized void uninstall() {
    Thread installed = hook;
    hook = null;
    if (installed == null || bySignal) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(installed);
    } catch (IllegalStateException exiting) {
      // the JVM is already shutting down; the hook runs
    }
  }

  /** Asks the worker to stop, as a signal would. */
  public void request() {
    requested.countDown();
  }

  /** Whether a stop was asked for. */
  public boolean isRequested() {
    return requested.getCount() == 0;
  }

  /** Whether the stop came from a signal. */
  public boolean bySignal() {
    return bySignal;
  }

  /** Waits until a stop is asked for. */
  public void await() throws InterruptedException {
    requested.await();
  }

  /** Tells the hook that the worker has stopped and closed everything. */
  public void done() {
    done.countDown();
  }

  /** Whether the JVM has begun to exit (a signal, or {@code System.exit} elsewhere). */
  public static boolean jvmExiting() {
    Thread probe = new Thread(() -> { }, "tidings-exit-probe");
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }
}
