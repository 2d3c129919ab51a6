package dev.tidings.logging.internal;

/**
 * Receives events that could not be published (the broker did not store them, or they were still
 * queued when the close timeout ran out). Called on the extension's background thread, never on
 * the logging thread.
 */
@FunctionalInterface
public interface Fallback {
  void accept(Snapshot event);
}
