package dev.tidings;

/**
 * Thrown by a {@link BatchHandler} to name the first record of the batch that failed. The records
 * before {@link #index()} count as handled and are committed; the failed record is retried (then
 * dead-lettered) and the rest follow it.
 */
public class BatchFailedException extends TidingsException {
  private static final long serialVersionUID = 1L;
  private final int index;

  public BatchFailedException(int index, Throwable cause) {
    super("record " + index + " of the batch failed: " + cause, cause);
    if (index < 0) {
      throw new IllegalArgumentException("index is " + index + ": use the 0-based index of the failed record");
    }
    this.index = index;
  }

  /** The 0-based index of the failed record in the batch. */
  public int index() {
    return index;
  }
}
