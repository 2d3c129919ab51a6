package dev.tidings.logging.internal;

/**
 * The background thread of a {@link LogShipper}. Its own type lets {@link Recursion} recognise it
 * with one type check, across every handler and appender of the JVM.
 */
final class ShipperThread extends Thread {
  ShipperThread(Runnable body, String name) {
    super(body, name);
    setDaemon(true);
  }
}
