package dev.tidings.logging.internal;

import dev.tidings.Application;
import dev.tidings.PublishResult;
import dev.tidings.Router;
import dev.tidings.logging.DeliveryStats;
import dev.tidings.logging.LogRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine behind a handler or appender: a bounded queue filled by logging threads and one
 * background thread that owns the Tidings {@link Application} (and so the Kafka producer).
 *
 * <p><b>Logging threads</b> call {@link #offer}: one non-blocking {@code offer} to an {@link
 * ArrayBlockingQueue} and a counter increment. A full queue drops the event and counts it; with
 * {@code dropBelowWarnFirst}, events below WARN are dropped already when no more than a fifth of
 * the queue is free, keeping that fifth for WARN and ERROR.
 *
 * <p><b>The background thread</b> creates the application on the first event, converts events to
 * {@link LogRecord}s and publishes them. At most {@code queueSize} records are in flight (sent but
 * not answered); when that many are pending, the thread waits and the queue fills, so memory stays
 * bounded while the broker is away. The producer's {@code max.block.ms} and {@code
 * delivery.timeout.ms} bound how long a send can block the thread and how long a record can wait;
 * a failed record is counted and handed to the fallback, never retried by us. Between batches the
 * thread reports drops and failures at a limited rate and, once a publish succeeds after drops or
 * failures, publishes a synthetic WARN record announcing how many events were lost.
 *
 * <p><b>Closing</b> ({@link #close()}, also from a JVM shutdown hook) gives the thread {@code
 * closeTimeout}: it publishes what is queued and waits for acknowledgements until three quarters of
 * it have passed, then closes the application with the rest; what is left is counted, handed to
 * the fallback and reported. The caller waits at most {@code closeTimeout}.
 */
public final class LogShipper {
  private static final int BATCH = 256;
  private static final long POLL_MILLIS = 100;
  private static final long NOTICE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long CLOSE_MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
  private static final AtomicInteger IDS = new AtomicInteger();

  private final ShipperConfig config;
  private final Status status;
  private final Fallback fallback;
  private final String name;
  private final ArrayBlockingQueue<Snapshot> queue;
  private final int lowLevelReserve;
  private final int maxInFlight;
  private final Semaphore inFlight;
  private final ArrayBlockingQueue<Snapshot> toFallback;
  private final LogRecords records;
  private final ShipperThread thread;
  private final Thread shutdownHook;
  private final long reportIntervalNanos;

  private final LongAdder accepted = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder excluded = new LongAdder();
  private final LongAdder settled = new LongAdder();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong notices = new AtomicLong();
  private final AtomicLong droppedAnnounced = new AtomicLong();
  private final AtomicLong failedAnnounced = new AtomicLong();
  private volatile boolean lastSendSucceeded;
  private volatile Throwable lastFailure;
  private volatile boolean closeRequested;
  private volatile long closeDeadline;
  /** Set once the background thread no longer drains the fallback queue. */
  private volatile boolean fallbackDirect;
  private volatile long drainDeadline;
  private final CountDownLatch finished = new CountDownLatch(1);

  // Owned by the background thread.
  private Application application;
  private Throwable broken;
  private long lastReport;
  private long droppedReported;
  private long failedReported;
  private long publishedMark = -1;
  private long lastNotice;

  private LogShipper(ShipperConfig config, Status status, Fallback fallback) {
    this.config = config;
    this.status = status;
    this.fallback = fallback;
    this.name = config.name();
    this.queue = new ArrayBlockingQueue<>(config.queueSize());
    this.lowLevelReserve = config.dropBelowWarnFirst() ? config.queueSize() / 5 : -1;
    this.maxInFlight = config.queueSize();
    this.inFlight = new Semaphore(maxInFlight);
    this.toFallback = fallback == null ? null : new ArrayBlockingQueue<>(config.queueSize());
    this.records = new LogRecords(config);
    this.reportIntervalNanos = config.reportInterval().toNanos();
    this.lastReport = System.nanoTime() - reportIntervalNanos;
    int id = IDS.incrementAndGet();
    this.thread = new ShipperThread(this::run, "tidings-logging-" + id + "-" + config.stream());
    this.shutdownHook = new Thread(this::close, "tidings-logging-" + id + "-shutdown");
  }

  /**
   * Starts the background thread (the Kafka clients are created on the first event).
   *
   * @param fallback receives what could not be published; {@code null} for none
   */
  public static LogShipper start(ShipperConfig config, Status status, Fallback fallback) {
    LogShipper shipper = new LogShipper(config, status, fallback);
    shipper.thread.start();
    try {
      Runtime.getRuntime().addShutdownHook(shipper.shutdownHook);
    } catch (IllegalStateException | SecurityException e) {
      // the JVM is already exiting, or hooks are not allowed: close() still works when called
    }
    return shipper;
  }

  public ShipperConfig config() {
    return config;
  }

  /**
   * Queues an event without blocking. Never throws.
   *
   * @return whether it was queued; {@code false} means it was dropped and counted
   */
  public boolean offer(Snapshot event) {
    if (closeRequested
        || lowLevelReserve >= 0
            && event.severity() < Snapshot.WARN_SEVERITY
            && queue.remainingCapacity() <= lowLevelReserve
        || !queue.offer(event)) {
      dropped.increment();
      return false;
    }
    accepted.increment();
    return true;
  }

  /** Counts an event that {@link Recursion} kept out. */
  public void excluded() {
    excluded.increment();
  }

  public DeliveryStats stats() {
    return new DeliveryStats(
        accepted.sum(), published.get(), dropped.sum(), failed.get(), excluded.sum(), notices.get(), queue.size());
  }

  /**
   * Waits until every event queued before the call has been published or has failed.
   *
   * @return {@code false} when {@code timeout} passed first
   */
  public boolean flush(Duration timeout) {
    if (Thread.currentThread() == thread) {
      return false;
    }
    long target = accepted.sum();
    long end = System.nanoTime() + timeout.toNanos();
    while (settled.sum() < target) {
      if (System.nanoTime() - end >= 0 || finished.getCount() == 0) {
        return settled.sum() >= target;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
    return true;
  }

  /** Whether {@link #close()} has been called. */
  public boolean closing() {
    return closeRequested;
  }

  /**
   * Publishes what is queued and closes the producer, waiting at most {@code closeTimeout}.
   * Idempotent; concurrent callers all wait for the same close.
   */
  public void close() {
    synchronized (this) {
      if (!closeRequested) {
        long now = System.nanoTime();
        long timeout = config.closeTimeout().toNanos();
        closeDeadline = now + timeout;
        drainDeadline = closeDeadline - Math.min(timeout / 2, config.producerCloseTimeout().toNanos());
        closeRequested = true;
      }
    }
    if (Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException | SecurityException e) {
        // the JVM is exiting; the hook runs or has run
      }
    }
    if (Thread.currentThread() == thread) {
      return;
    }
    try {
      long wait = closeDeadline - System.nanoTime() + CLOSE_MARGIN_NANOS;
      if (!finished.await(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
        status.report(Status.Kind.CLOSE, name + " did not finish closing within closeTimeoutMillis="
            + config.closeTimeout().toMillis() + "; " + queue.size() + " log records are still queued and "
            + (maxInFlight - inFlight.availablePermits()) + " unacknowledged; they are abandoned", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------- background thread

  private void run() {
    Recursion.enter();
    List<Snapshot> batch = new ArrayList<>(BATCH);
    int shipped = 0;
    try {
      while (!closeRequested) {
        housekeeping(true);
        Snapshot first = poll();
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        for (shipped = 0; shipped < batch.size(); shipped++) {
          ship(batch.get(shipped));
        }
        batch.clear();
      }
      drain();
    } catch (Throwable e) {
      closeRequested = true;
      status.report(Status.Kind.INTERNAL, name + ": the background thread failed, log records are no longer"
          + " published: " + e, e);
      for (int i = shipped + 1; i < batch.size(); i++) {
        fail(batch.get(i), e);
      }
      abandonQueued();
    } finally {
      closeApplication();
      fallbackDirect = true;
      drainFallback(Integer.MAX_VALUE);
      finished.countDown();
      Recursion.exit();
    }
  }

  private Snapshot poll() {
    try {
      return queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      // Nobody interrupts this thread on purpose; close() sets a flag instead.
      return null;
    }
  }

  private void ship(Snapshot s) {
    if (!acquire()) {
      fail(s, null);
      return;
    }
    boolean sent = false;
    try {
      Application app = application();
      if (app == null) {
        fail(s, broken);
        return;
      }
      LogRecord record = records.toRecord(s);
      CompletableFuture<PublishResult> result = app.publish(config.stream(), record, config.keying().key(record));
      sent = true;
      result.whenComplete((r, error) -> completed(s, error));
    } catch (RuntimeException e) {
      fail(s, e);
    } finally {
      if (!sent) {
        inFlight.release();
      }
    }
  }

  /**
   * Takes an in-flight permit; while waiting, keeps reporting (but publishes no notice, which would
   * need a permit itself). False at once when closing has run out of time.
   */
  private boolean acquire() {
    while (true) {
      if (inFlight.tryAcquire()) {
        return true;
      }
      long wait = TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
      if (closeRequested) {
        long left = drainDeadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait = Math.min(wait, left);
      }
      try {
        if (inFlight.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
          return true;
        }
      } catch (InterruptedException e) {
        // see poll()
      }
      housekeeping(false);
    }
  }

  private Application application() {
    if (application == null && broken == null) {
      try {
        Application app = Application.create(config.applicationOptions());
        app.mount(new Router().schema(LogRecord.schema()));
        application = app;
      } catch (RuntimeException | LinkageError e) {
        broken = e;
        status.report(Status.Kind.INTERNAL, name + " cannot create its publisher (" + config.target() + "), log records will"
            + " not be published: " + e, e);
      }
    }
    return application;
  }

  /** Called on a Kafka client thread, or on this thread when the publish failed at once. */
  private void completed(Snapshot s, Throwable error) {
    Recursion.enter();
    try {
      if (error == null) {
        lastSendSucceeded = true;
        if (s.notice() != null) {
          notices.incrementAndGet();
        } else {
          published.incrementAndGet();
          settled.increment();
        }
      } else {
        fail(s, unwrap(error));
      }
    } finally {
      inFlight.release();
      Recursion.exit();
    }
  }

  private void fail(Snapshot s, Throwable error) {
    lastSendSucceeded = false;
    Snapshot.Notice notice = s.notice();
    if (notice != null) {
      droppedAnnounced.addAndGet(-notice.dropped());
      failedAnnounced.addAndGet(-notice.failed());
      return;
    }
    if (error != null) {
      lastFailure = error;
    }
    failed.incrementAndGet();
    settled.increment();
    if (toFallback != null) {
      toFallback.offer(s);
      if (fallbackDirect) {
        // The background thread has gone: a late failure (a callback of the closing producer) is
        // handed over by the thread that reports it.
        drainFallback(Integer.MAX_VALUE);
      }
    }
  }

  /** Hands failed events to the fallback, reports at a limited rate, and may publish a notice. */
  private void housekeeping(boolean mayAnnounce) {
    long now = System.nanoTime();
    drainFallback(BATCH);
    long d = dropped.sum();
    long f = failed.get();
    if (now - lastReport >= reportIntervalNanos && (d > droppedReported || f > failedReported)) {
      lastReport = now;
      if (d > droppedReported) {
        status.report(Status.Kind.DROP, name + " dropped " + (d - droppedReported) + " log records because its"
            + " queue (queueSize=" + config.queueSize() + ") was full; " + d + " dropped since start", null);
      }
      if (f > failedReported) {
        Throwable cause = lastFailure;
        status.report(Status.Kind.DELIVERY, name + " could not publish " + (f - failedReported) + " log records to"
            + " stream " + config.stream() + " through " + config.target()
            + "; " + f + " failed since start; last error: " + cause, cause);
      }
      droppedReported = d;
      failedReported = f;
    }
    if (mayAnnounce) {
      maybeAnnounce(now, d, f);
    }
  }

  /** Publishes a drop notice once a publish succeeded after events were dropped or failed. */
  private void maybeAnnounce(long now, long d, long f) {
    long dn = d - droppedAnnounced.get();
    long fn = f - failedAnnounced.get();
    if (dn <= 0 && fn <= 0) {
      publishedMark = -1;
      return;
    }
    long p = published.get();
    if (publishedMark < 0) {
      publishedMark = p;
      return;
    }
    if (p > publishedMark && lastSendSucceeded && now - lastNotice >= NOTICE_INTERVAL_NANOS && application != null) {
      droppedAnnounced.addAndGet(dn);
      failedAnnounced.addAndGet(fn);
      lastNotice = now;
      publishedMark = -1;
      ship(notice(dn, fn));
    }
  }

  private Snapshot notice(long dn, long fn) {
    String message = "Tidings logging: " + (dn + fn) + " log records were not delivered to " + config.topic()
        + " (" + dn + " dropped because the queue of " + config.queueSize() + " was full, " + fn
        + " failed to publish); delivery has resumed";
    return new Snapshot(
        Instant.now(),
        LogRecord.Level.WARN,
        Snapshot.WARN_SEVERITY,
        "WARN",
        "dev.tidings.logging",
        Thread.currentThread().getName(),
        message,
        null,
        null,
        null,
        Map.of("tidings.dropped", Long.toString(dn), "tidings.failed", Long.toString(fn)),
        null,
        List.of(),
        null,
        new Snapshot.Notice(dn, fn),
        null,
        null);
  }

  private void drainFallback(int max) {
    if (toFallback == null) {
      return;
    }
    synchronized (toFallback) {
      drainFallbackLocked(max);
    }
  }

  /** One caller at a time: a fallback need not be thread-safe. */
  private void drainFallbackLocked(int max) {
    for (int i = 0; i < max; i++) {
      Snapshot s = toFallback.poll();
      if (s == null) {
        return;
      }
      try {
        fallback.accept(s);
      } catch (RuntimeException | LinkageError e) {
        status.report(Status.Kind.DELIVERY, name + ": the fallback failed: " + e, e);
      }
    }
  }

  /** The close: publish what is queued until the drain deadline, wait for acknowledgements, report. */
  private void drain() {
    Snapshot s;
    while (System.nanoTime() - drainDeadline < 0 && (s = queue.poll()) != null) {
      ship(s);
    }
    housekeeping(true);
    long wait = drainDeadline - System.nanoTime();
    try {
      if (wait > 0 && inFlight.tryAcquire(maxInFlight, wait, TimeUnit.NANOSECONDS)) {
        inFlight.release(maxInFlight);
      }
    } catch (InterruptedException e) {
      // see poll()
    }
    housekeeping(false);
    int queued = abandonQueued();
    drainFallback(Integer.MAX_VALUE);
    int unacknowledged = maxInFlight - inFlight.availablePermits();
    if (queued + unacknowledged > 0) {
      status.report(Status.Kind.CLOSE, name + " closed with " + (queued + unacknowledged) + " log records not"
          + " delivered within closeTimeoutMillis=" + config.closeTimeout().toMillis() + ": " + queued
          + " still queued, " + unacknowledged + " not acknowledged by Kafka", null);
    }
    long d = dropped.sum() - droppedAnnounced.get();
    long f = failed.get() - failedAnnounced.get();
    if (d + f > 0) {
      status.report(Status.Kind.DROP, name + " closed; " + (d + f) + " log records were never announced on the"
          + " stream: " + d + " dropped, " + f + " failed", null);
    }
  }

  private int abandonQueued() {
    int n = 0;
    Snapshot s;
    while ((s = queue.poll()) != null) {
      fail(s, null);
      n++;
    }
    return n;
  }

  private void closeApplication() {
    Application app = application;
    if (app != null) {
      try {
        app.close();
      } catch (RuntimeException e) {
        status.report(Status.Kind.CLOSE, name + ": closing the Kafka publisher failed: " + e, e);
      }
    }
  }

  private static Throwable unwrap(Throwable e) {
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
