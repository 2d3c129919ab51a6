package dev.tidings;

/** Which records of a partition may be handled at the same time. */
public enum Ordering {
  /** One record of a partition at a time, in offset order (the default). */
  PARTITION,
  /**
   * Records with different keys of one partition run concurrently (up to the subscription's
   * concurrency); records with the same key (and all records without a key) stay in order.
   */
  KEY
}
