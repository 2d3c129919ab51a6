package dev.tidings;

import dev.tidings.testkit.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Collects what handlers receive, thread-safely, and waits for it. */
final class Recorder<T> {
  private final List<T> items = new ArrayList<>();

  synchronized void add(T item) {
    items.add(item);
  }

  synchronized List<T> items() {
    return List.copyOf(items);
  }

  synchronized int size() {
    return items.size();
  }

  List<T> awaitAtLeast(int n, String what) {
    Wait.until(() -> size() >= n, Duration.ofSeconds(30), n + " " + what + " (have " + size() + ")");
    return items();
  }
}
