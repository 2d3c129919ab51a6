package dev.tidings.http.sink.internal;

import dev.tidings.http.sink.HttpSink.Body;
import dev.tidings.http.sink.HttpSink.Mode;
import dev.tidings.http.sink.SinkAuth;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated settings of one sink, built once by {@code HttpSink.Builder#build()}.
 *
 * @param successStream the success stream, {@code null} for {@code <stream>.success}, empty for none
 * @param errorStream the error stream, {@code null} for {@code <stream>.error}, empty for none
 */
public record SinkSettings(
    String name,
    Mode mode,
    String pattern,
    String group,
    String urlTemplate,
    String method,
    Map<String, String> headers,
    Body body,
    AllowList allow,
    StatusPattern success,
    StatusPattern retry,
    Duration initialBackoff,
    Duration maxBackoff,
    double multiplier,
    int maxAttempts,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration totalTimeout,
    int concurrency,
    double rate,
    SinkAuth auth,
    boolean followRedirects,
    int maxResponseBytes,
    String successStream,
    String errorStream,
    Set<String> secretHeaders) {

  /** Suffix of the default success stream. */
  public static final String SUCCESS_SUFFIX = ".success";
  /** Suffix of the default error stream. */
  public static final String ERROR_SUFFIX = ".error";

  /** The success stream for a message of {@code stream}, or {@code null} when turned off. */
  public String successStreamFor(String stream) {
    return resultStream(successStream, stream, SUCCESS_SUFFIX);
  }

  /** The error stream for a message of {@code stream}, or {@code null} when turned off. */
  public String errorStreamFor(String stream) {
    return resultStream(errorStream, stream, ERROR_SUFFIX);
  }

  /** Whether {@code stream} is one of this sink's result streams (never handled, to avoid loops). */
  public boolean isResultStream(String stream) {
    boolean defaults = successStream == null || errorStream == null;
    if (defaults && (stream.endsWith(SUCCESS_SUFFIX) || stream.endsWith(ERROR_SUFFIX))) {
      return true;
    }
    return stream.equals(successStream) || stream.equals(errorStream);
  }

  private static String resultStream(String configured, String stream, String suffix) {
    if (configured == null) {
      return stream + suffix;
    }
    return configured.isEmpty() ? null : configured;
  }

  /** Header names to mask in recorded requests, lower case. */
  public static Set<String> masked(Set<String> secretHeaders, SinkAuth auth) {
    java.util.Set<String> all = new java.util.TreeSet<>();
    all.add("authorization");
    all.add("proxy-authorization");
    secretHeaders.forEach(h -> all.add(h.toLowerCase(java.util.Locale.ROOT)));
    if (auth instanceof SinkAuth.Headers h) {
      h.headers().keySet().forEach(k -> all.add(k.toLowerCase(java.util.Locale.ROOT)));
    }
    return Set.copyOf(all);
  }

  /** The allow-list entries as given. */
  public List<String> allowEntries() {
    return allow.entries();
  }
}
