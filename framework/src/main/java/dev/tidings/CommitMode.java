package dev.tidings;

/** Who decides when consumed offsets are committed. */
public enum CommitMode {
  /**
   * Tidings commits, on an interval, on revocation and on shutdown, the offset after the last record
   * of each partition whose predecessors are all handled (at-least-once).
   */
  AUTO,
  /** Nothing is committed until a handler calls {@link Subscriber#commit()}. */
  MANUAL
}
