package dev.tidings.internal.consumer;

/**
 * What a lane does after one attempt at its head records.
 *
 * @param done how many of the head records are finished (handled, dead-lettered or skipped)
 * @param kind go on, retry the rest after {@code delayMillis}, or stop the subscription
 * @param delayMillis the backoff for {@link Kind#RETRY}
 * @param error why the subscription stops, for {@link Kind#STOP}; for {@link Kind#RETRY}, the
 *     failure to write a dead letter when that is why the record is retried
 */
record Next(int done, Kind kind, long delayMillis, Throwable error) {
  enum Kind {
    GO_ON,
    RETRY,
    STOP
  }

  static Next done(int records) {
    return new Next(records, Kind.GO_ON, 0, null);
  }

  static Next retry(int done, long delayMillis) {
    return new Next(done, Kind.RETRY, delayMillis, null);
  }

  static Next stop(int done, Throwable error) {
    return new Next(done, Kind.STOP, 0, error);
  }
}
