package dev.tidings.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class WaitTest {

    @Test
    void timesOutWithWhatWasAwaited() {
        long begin = System.nanoTime();
        AssertionError e = assertThrows(AssertionError.class,
                () -> Wait.until(() -> false, Duration.ofMillis(200), "the moon"));
        assertEquals("timed out after 200ms waiting for the moon", e.getMessage());
        assertTrue(System.nanoTime() - begin >= Duration.ofMillis(200).toNanos());
    }

    @Test
    void wholeSecondsAreShownAsSeconds() {
        assertEquals("10s", Wait.describe(Duration.ofSeconds(10)));
        assertEquals("1500ms", Wait.describe(Duration.ofMillis(1500)));
    }

    @Test
    void returnsOnceTheConditionHolds() {
        AtomicInteger calls = new AtomicInteger();
        Wait.until(() -> calls.incrementAndGet() >= 3, Duration.ofSeconds(10), "three calls");
        assertEquals(3, calls.get());
    }
}
