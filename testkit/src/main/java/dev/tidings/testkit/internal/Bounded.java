package dev.tidings.testkit.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a blocking call on its own daemon thread and gives up waiting for it after a time limit. */
public final class Bounded {

    private Bounded() {
    }

    /**
     * Runs {@code action} and waits at most {@code timeout} for it.
     *
     * @param threadName name of the thread that runs the action
     * @param timeout how long to wait
     * @param action the blocking call
     * @param <T> the result type
     * @return what the action returned
     * @throws TimeoutException if the action did not finish in time (it keeps running in the background)
     * @throws ExecutionException if the action threw; the cause is what it threw
     * @throws InterruptedException if the calling thread was interrupted while waiting
     */
    public static <T> T call(String threadName, Duration timeout, Callable<T> action)
            throws TimeoutException, ExecutionException, InterruptedException {
        FutureTask<T> task = new FutureTask<>(action);
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.start();
        return task.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }
}
