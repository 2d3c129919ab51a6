package dev.tidings.worker.internal;

import dev.tidings.DecodeException;
import dev.tidings.PublishResult;
import dev.tidings.SchemaValidationException;
import dev.tidings.internal.KafkaApplication;
import dev.tidings.transport.JsonLines;
import dev.tidings.transport.OutgoingMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code worker publish --from FILE}: publishes the lines a file transport wrote (its rotated files
 * first, oldest first, then the file itself) again, in order, each validated again. Lines that can
 * never be published (not a line of the file transport, unknown schema, invalid data) are refused and
 * reported with their number; the rest goes on. When Kafka fails, it stops at the first failed line
 * and says how to resume ({@code --from-line N}).
 */
final class Republish {
  /** Sends in flight at a time; Kafka keeps their order per partition. */
  private static final int WINDOW = 500;
  private static final int PROGRESS_EVERY = 10_000;

  private final KafkaApplication app;
  private final Console console;
  private final Duration timeout;
  private final long fromLine;

  private long lineNumber;
  private long published;
  private final List<String> refused = new ArrayList<>();
  private long refusedCount;
  private String failedAt;
  private long firstFailedLine = -1;

  private record InFlight(long line, String where, CompletableFuture<PublishResult> result) {}

  Republish(KafkaApplication app, Console console, Duration timeout, long fromLine) {
    this.app = app;
    this.console = console;
    this.timeout = timeout;
    this.fromLine = fromLine;
  }

  /** Runs over {@code file} and its rotated files; returns the exit code. */
  int run(Path file) throws InterruptedException {
    List<Path> files = JsonLines.files(file);
    if (files.isEmpty()) {
      throw new WorkerException(ExitCode.USAGE, "file " + file.toAbsolutePath() + " does not exist (nor any rotated"
          + " file " + file.getFileName() + ".N): pass the path the file transport wrote to");
    }
    console.out("Publishing again the lines of " + files.size() + " file(s): " + files
        + (fromLine > 1 ? " from line " + fromLine : ""));
    Deque<InFlight> window = new ArrayDeque<>();
    outer:
    for (Path f : files) {
      try (BufferedReader reader = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        String line;
        long inFile = 0;
        while ((line = reader.readLine()) != null) {
          inFile++;
          lineNumber++;
          if (lineNumber < fromLine || line.isBlank()) {
            continue;
          }
          String where = f.getFileName() + ":" + inFile + " (line " + lineNumber + ")";
          try {
            OutgoingMessage m = JsonLines.decode(line, where);
            window.add(new InFlight(lineNumber, where, app.publishEnvelope(m)));
          } catch (DecodeException | SchemaValidationException e) {
            refuse(where + ": " + e.getMessage());
          }
          while (window.size() >= WINDOW) {
            if (!settle(window.poll())) {
              break outer;
            }
          }
        }
      } catch (IOException e) {
        throw new WorkerException(ExitCode.FAILURE, "cannot read " + f + ": " + e, e);
      }
    }
    while (!window.isEmpty()) {
      settle(window.poll());
    }
    return summary();
  }

  /** Waits for one send; false once a send has failed (no more are started). */
  private boolean settle(InFlight sent) throws InterruptedException {
    try {
      sent.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      published++;
      if (published % PROGRESS_EVERY == 0) {
        console.out("published " + published + " message(s), at line " + sent.line());
      }
      return failedAt == null;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SchemaValidationException || cause instanceof DecodeException) {
        refuse(sent.where() + ": " + cause.getMessage());
        return failedAt == null;
      }
      fail(sent, cause.getMessage());
      return false;
    } catch (TimeoutException e) {
      fail(sent, "no answer from Kafka within " + DurationConverter.format(timeout));
      return false;
    }
  }

  private void fail(InFlight sent, String why) {
    if (firstFailedLine < 0 || sent.line() < firstFailedLine) {
      firstFailedLine = sent.line();
      failedAt = sent.where() + ": " + why;
    }
  }

  private void refuse(String what) {
    refusedCount++;
    if (refused.size() < 20) {
      refused.add(what);
    }
    console.err("refused " + what);
  }

  private int summary() {
    console.out("Summary: " + lineNumber + " line(s) read, " + published + " published, " + refusedCount
        + " refused" + (failedAt == null ? "" : ", stopped at a failure"));
    if (failedAt != null) {
      console.error("publishing failed at " + failedAt + ". Lines before " + firstFailedLine + " are published;"
          + " after fixing the cause, resume with --from-line " + firstFailedLine
          + " (lines after it that were published before the stop are published again)");
      return ExitCode.FAILURE;
    }
    return refusedCount > 0 ? ExitCode.INVALID_DATA : ExitCode.OK;
  }
}
