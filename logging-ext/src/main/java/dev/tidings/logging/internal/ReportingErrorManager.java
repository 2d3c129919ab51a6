package dev.tidings.logging.internal;

import java.io.PrintStream;
import java.util.logging.ErrorManager;

/**
 * The default {@link ErrorManager} of the JUL handler. The JDK's own prints only the first error of
 * a handler's life, which would hide every later report of drops or failures; the handler already
 * limits how often it reports, so this one prints each report to standard error.
 */
public final class ReportingErrorManager extends ErrorManager {
  private final String prefix;
  private final PrintStream out;

  public ReportingErrorManager(String prefix) {
    this(prefix, System.err);
  }

  ReportingErrorManager(String prefix, PrintStream out) {
    this.prefix = prefix;
    this.out = out;
  }

  @Override
  public void error(String msg, Exception ex, int code) {
    try {
      out.println(prefix + ": " + msg + " (ErrorManager code " + code + ")");
      if (ex != null && code != WRITE_FAILURE) {
        ex.printStackTrace(out);
      }
    } catch (RuntimeException e) {
      // nowhere left to report
    }
  }
}
