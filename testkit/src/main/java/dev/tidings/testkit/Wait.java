package dev.tidings.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition instead of sleeping.
 *
 * <pre>{@code
 * Wait.until(() -> handled.size() == 3, Duration.ofSeconds(10), "3 handled events");
 * }</pre>
 */
public final class Wait {

    private static final long POLL_INTERVAL_MS = 20;

    private Wait() {
    }

    /**
     * Polls {@code condition} about every 20 ms until it is true.
     *
     * @param condition what must become true; exceptions it throws propagate
     * @param timeout how long to wait at most
     * @param what what is awaited, for the failure message
     * @throws AssertionError {@code "timed out after 10s waiting for <what>"} if the condition stayed false
     */
    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMs <= 0) {
                if (condition.getAsBoolean()) {
                    return;
                }
                throw new AssertionError("timed out after " + describe(timeout) + " waiting for " + what);
            }
            try {
                Thread.sleep(Math.min(POLL_INTERVAL_MS, remainingMs));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Formats a duration for messages: {@code 10s}, {@code 1500ms}. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
