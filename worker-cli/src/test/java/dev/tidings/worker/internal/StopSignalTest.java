package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StopSignalTest {
  @Test
  void aRequestReleasesTheRunThreadWithoutASignal() throws Exception {
    StopSignal stop = new StopSignal();
    stop.install(Duration.ofSeconds(5));
    try {
      Thread waiter = new Thread(() -> {
        try {
          stop.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      waiter.start();
      assertFalse(stop.isRequested());
      stop.request();
      waiter.join(5_000);
      assertFalse(waiter.isAlive(), "released");
      assertTrue(stop.isRequested());
      assertFalse(stop.bySignal());
    } finally {
      stop.done();
      stop.uninstall();
    }
  }

  @Test
  void theJvmIsNotExitingDuringTests() {
    assertFalse(StopSignal.jvmExiting());
  }
}
