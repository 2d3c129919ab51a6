package dev.tidings.internal.consumer;

/**
 * What the partition does after one attempt at a record.
 *
 * @param kind done (move on), retry after {@code delayMillis}, or stop the subscription
 * @param delayMillis the backoff for {@link Kind#RETRY}
 * @param error why the subscription stops, for {@link Kind#STOP}
 */
record Next(Kind kind, long delayMillis, Throwable error) {
  enum Kind {
    DONE,
    RETRY,
    STOP
  }

  static final Next DONE = new Next(Kind.DONE, 0, null);

  static Next retry(long delayMillis) {
    return new Next(Kind.RETRY, delayMillis, null);
  }

  static Next stop(Throwable error) {
    return new Next(Kind.STOP, 0, error);
  }
}
