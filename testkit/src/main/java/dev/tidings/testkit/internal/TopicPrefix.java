package dev.tidings.testkit.internal;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes topic-name prefixes that are unique per test: {@code t<counter>-<run>-<test name>-}, using only
 * {@code [a-zA-Z0-9-]}. The run part is random per JVM, so reruns against a long-lived external cluster do not reuse
 * topics of earlier runs.
 */
public final class TopicPrefix {

    /** Longest sanitized test name kept in a prefix. */
    static final int MAX_NAME_LENGTH = 48;

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36),
            Character.MAX_RADIX).toLowerCase(Locale.ROOT);

    private TopicPrefix() {
    }

    /**
     * Returns the next prefix for a test.
     *
     * @param testName any text naming the test, for example {@code "OrderTest-placesOrder"}
     * @return a prefix such as {@code "t3-k2zq-OrderTest-placesOrder-"}
     */
    public static String next(String testName) {
        return "t" + COUNTER.incrementAndGet() + "-" + RUN + "-" + sanitize(testName);
    }

    /**
     * Keeps ASCII letters and digits, turns every other run of characters into one {@code -}, shortens the result to
     * {@value #MAX_NAME_LENGTH} characters and ends it with {@code -}. Dots and underscores are replaced too: Kafka
     * warns that topic names differing only in those collide in metric names.
     *
     * @param name any text
     * @return the sanitized text, ending in {@code -}, or empty if nothing usable was left
     */
    static String sanitize(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && out.length() < MAX_NAME_LENGTH; i++) {
            char c = name.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (keep) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
            out.append('-');
        }
        return out.toString();
    }
}
