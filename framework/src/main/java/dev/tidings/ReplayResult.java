package dev.tidings;

/**
 * What a dead-letter replay did.
 *
 * @param replayed dead letters republished to their original topics
 * @param skipped dead letters the filter left out
 * @param unreplayable dead letters without a {@code tidings.dlt.topic} header (not written by
 *     Tidings), left where they are
 */
public record ReplayResult(long replayed, long skipped, long unreplayable) {}
