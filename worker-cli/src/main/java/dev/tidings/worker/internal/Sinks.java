package dev.tidings.worker.internal;

import dev.tidings.ConfigurationException;
import dev.tidings.Router;
import dev.tidings.config.TidingsConfig;
import dev.tidings.http.sink.HttpSink;
import dev.tidings.http.sink.SinkConfigs;
import java.util.List;

/** The HTTP sinks of the configuration file's {@code sinks:} list, as one router. */
final class Sinks {
  private Sinks() {}

  /**
   * The sinks of {@code config}, described on the console.
   *
   * @throws WorkerException (usage) when the {@code sinks:} list is wrong, naming key, path and file
   */
  static List<HttpSink> of(TidingsConfig config, Console console) {
    List<HttpSink> sinks;
    try {
      sinks = SinkConfigs.from(config);
    } catch (ConfigurationException e) {
      throw new WorkerException(ExitCode.USAGE, Secrets.mask(e.getMessage()), e);
    }
    for (HttpSink sink : sinks) {
      console.out(sink + ": exchanges to " + streams(sink));
    }
    return sinks;
  }

  /** A router holding every sink of {@code sinks}. */
  static Router router(List<HttpSink> sinks) {
    Router router = new Router();
    sinks.forEach(s -> router.include(s.router()));
    return router;
  }

  private static String streams(HttpSink sink) {
    String success = sink.successStreamFor("<stream>");
    String error = sink.errorStreamFor("<stream>");
    return (success == null ? "no success stream" : success) + " / " + (error == null ? "no error stream" : error);
  }
}
