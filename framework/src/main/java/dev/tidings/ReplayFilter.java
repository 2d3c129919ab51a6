package dev.tidings;

/**
 * Which dead letters {@link Application#replayDeadLetters} republishes. Immutable; start from
 * {@link #all()}.
 *
 * @param exceptionClass only dead letters whose {@code tidings.dlt.exception.class} equals this
 *     (or whose {@code tidings.dlt.reason} equals it, e.g. {@code INVALID_DATA}); {@code null} for
 *     any
 * @param fromOffset the first offset of the dead-letter topic to consider (inclusive)
 * @param toOffset the last offset of the dead-letter topic to consider (inclusive)
 */
public record ReplayFilter(String exceptionClass, long fromOffset, long toOffset) {
  /** Every dead letter. */
  public static ReplayFilter all() {
    return new ReplayFilter(null, 0, Long.MAX_VALUE);
  }

  public ReplayFilter exceptionClass(String className) {
    return new ReplayFilter(className, fromOffset, toOffset);
  }

  public ReplayFilter offsets(long from, long to) {
    if (from < 0 || to < from) {
      throw new ConfigurationException("offset range " + from + ".." + to + " is empty: use 0 <= from <= to");
    }
    return new ReplayFilter(exceptionClass, from, to);
  }
}
