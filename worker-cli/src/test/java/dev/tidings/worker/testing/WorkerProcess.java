package dev.tidings.worker.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A worker in a child JVM ({@code java -cp <test class path> dev.tidings.worker.Main ...}), with
 * its standard output and error collected line by line.
 */
public final class WorkerProcess implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread[] readers = new Thread[2];

  private WorkerProcess(Process process) {
    this.process = process;
    readers[0] = pump(process.getInputStream(), "out");
    readers[1] = pump(process.getErrorStream(), "err");
  }

  /** Starts {@code worker args...} with extra JVM system properties and environment variables. */
  public static WorkerProcess start(Map<String, String> systemProperties, Map<String, String> env, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(TestClassPath.java(), "-Xmx256m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
    systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-cp");
    command.add(TestClassPath.get());
    command.add("dev.tidings.worker.Main");
    command.addAll(List.of(args));
    return launch(command, env);
  }

  /** Starts {@code command} (the worker script, a java command line) with extra environment variables. */
  public static WorkerProcess launch(List<String> command, Map<String, String> env) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.equals("KAFKA_BOOTSTRAP_SERVERS") || k.startsWith("TIDINGS_")
        || k.equals("APP_CP") || k.equals("JAVA_OPTS"));
    builder.environment().putAll(env);
    return new WorkerProcess(builder.start());
  }

  private Thread pump(InputStream stream, String name) {
    Thread t = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          synchronized (lines) {
            lines.add(line);
            lines.notifyAll();
          }
        }
      } catch (IOException e) {
        // the process is gone
      }
    }, "worker-" + name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Everything printed so far, stdout and stderr interleaved by arrival. */
  public String output() {
    synchronized (lines) {
      return String.join("\n", lines) + "\n";
    }
  }

  /**
   * Waits until a line matches {@code regex} and returns the match.
   *
   * @throws AssertionError with the output so far when no line matched in time or the process ended
   */
  public Matcher await(String regex, Duration timeout) throws InterruptedException {
    Pattern pattern = Pattern.compile(regex);
    long deadline = System.nanoTime() + timeout.toNanos();
    int seen = 0;
    synchronized (lines) {
      while (true) {
        for (; seen < lines.size(); seen++) {
          Matcher m = pattern.matcher(lines.get(seen));
          if (m.find()) {
            return m;
          }
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || !process.isAlive() && !readersAlive()) {
          throw new AssertionError("no line matching /" + regex + "/ within " + timeout + " (process "
              + (process.isAlive() ? "running" : "exited with " + process.exitValue()) + "); output:\n" + output());
        }
        lines.wait(Math.min(left, 200));
      }
    }
  }

  private boolean readersAlive() {
    return readers[0].isAlive() || readers[1].isAlive();
  }

  /**
   * Sends SIGTERM and waits for the exit code. {@code Process.destroy()} would send the same signal
   * but also close our ends of the pipes, losing what the worker prints while it stops.
   */
  public int terminate(Duration timeout) throws InterruptedException {
    process.toHandle().destroy();
    return waitFor(timeout);
  }

  /**
   * Waits for the process to exit, then for its output to be read.
   *
   * @throws AssertionError when it did not exit in time
   */
  public int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the worker did not exit within " + timeout + "; output:\n" + output());
    }
    for (Thread reader : readers) {
      reader.join(5_000);
    }
    return process.exitValue();
  }

  /** Kills the process if it still runs. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
