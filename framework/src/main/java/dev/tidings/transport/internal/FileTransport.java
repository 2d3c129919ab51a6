package dev.tidings.transport.internal;

import dev.tidings.PublishException;
import dev.tidings.transport.Delivery;
import dev.tidings.transport.JsonLines;
import dev.tidings.transport.OutgoingMessage;
import dev.tidings.transport.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The {@code file} transport: JSON lines ({@link JsonLines}) appended to a file by one writer
 * thread. A send completes once its line is on disk: the writer takes every line queued since its
 * last write, writes them and calls {@code fsync} once for all of them (group commit). When the file
 * would grow over {@code maxBytes} it is renamed to {@code file.N} (N one more than the highest
 * existing) and a new file is started. A torn last line left by a crash is ended on open, so the
 * next line starts cleanly.
 */
final class FileTransport implements Transport {
  private static final int MAX_BATCH = 4096;

  private final Path file;
  private final long maxBytes;
  private final boolean fsync;
  private final BlockingQueue<Pending> queue;
  private final Thread writer;
  private final Object idle = new Object();
  private long pending;
  private volatile boolean closed;
  private FileChannel channel;
  private long size;
  private long lines;

  private record Pending(byte[] line, CompletableFuture<Delivery> result) {}

  FileTransport(Path file, long maxBytes, boolean fsync, int capacity) throws IOException {
    this.file = file.toAbsolutePath();
    this.maxBytes = maxBytes;
    this.fsync = fsync;
    this.queue = new ArrayBlockingQueue<>(capacity);
    Path dir = this.file.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    open();
    this.writer = new Thread(this::run, "tidings-file-transport-" + this.file.getFileName());
    writer.setDaemon(true);
    writer.start();
  }

  private void open() throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    size = channel.size();
    lines = 0;
    boolean endsWithNewline = true;
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    long position = 0;
    while (position < size) {
      buffer.clear();
      int n = channel.read(buffer, position);
      if (n <= 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (buffer.get(i) == '\n') {
          lines++;
        }
      }
      endsWithNewline = buffer.get(n - 1) == '\n';
      position += n;
    }
    channel.position(size);
    if (!endsWithNewline) {
      // a line torn by a crash: end it, so that it stays one (unreadable) line and the next is whole
      channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
      channel.force(false);
      size++;
      lines++;
    }
  }

  @Override
  public CompletionStage<Delivery> send(OutgoingMessage message) {
    if (closed) {
      return CompletableFuture.failedFuture(closedException());
    }
    Pending p = new Pending(JsonLines.encode(message), new CompletableFuture<>());
    synchronized (idle) {
      pending++;
    }
    try {
      queue.put(p);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done(1);
      return CompletableFuture.failedFuture(new PublishException("interrupted while queueing a line for " + file, true, e));
    }
    if (closed && queue.remove(p)) {
      done(1);
      return CompletableFuture.failedFuture(closedException());
    }
    return p.result();
  }

  private PublishException closedException() {
    return new PublishException("the file transport writing " + file + " is closed", false, null);
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    while (true) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (closed && queue.isEmpty()) {
            break;
          }
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        if (closed) {
          break;
        }
      } finally {
        if (!batch.isEmpty()) {
          done(batch.size());
          batch.clear();
        }
      }
    }
    try {
      channel.close();
    } catch (IOException e) {
      // nothing is pending any more
    }
  }

  private void write(List<Pending> batch) {
    List<Delivery> deliveries = new ArrayList<>(batch.size());
    try {
      for (Pending p : batch) {
        if (size > 0 && size + p.line().length > maxBytes) {
          rotate();
        }
        ByteBuffer buffer = ByteBuffer.wrap(p.line());
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        size += p.line().length;
        lines++;
        deliveries.add(Delivery.line("file", file.toString(), lines));
      }
      if (fsync) {
        channel.force(false);
      }
    } catch (IOException | RuntimeException e) {
      PublishException failure = new PublishException("writing to " + file + " failed: " + e
          + "; check free space and permissions", true, e);
      for (Pending p : batch) {
        p.result().completeExceptionally(failure);
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).result().complete(deliveries.get(i));
    }
  }

  private void rotate() throws IOException {
    channel.force(false);
    channel.close();
    long next = 1;
    for (Path p : JsonLines.files(file)) {
      String name = p.getFileName().toString();
      if (!p.equals(file)) {
        next = Math.max(next, Long.parseLong(name.substring(name.lastIndexOf('.') + 1)) + 1);
      }
    }
    Path target = file.resolveSibling(file.getFileName() + "." + next);
    while (Files.exists(target)) {
      target = file.resolveSibling(file.getFileName() + "." + ++next);
    }
    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    open();
  }

  private void done(int count) {
    synchronized (idle) {
      pending -= count;
      if (pending == 0) {
        idle.notifyAll();
      }
    }
  }

  @Override
  public boolean flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (pending > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          idle.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public String type() {
    return "file";
  }

  @Override
  public void close() {
    closed = true;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Pending left;
    while ((left = queue.poll()) != null) {
      left.result().completeExceptionally(closedException());
      done(1);
    }
  }

  @Override
  public String toString() {
    return "file transport (" + file + ")";
  }
}
