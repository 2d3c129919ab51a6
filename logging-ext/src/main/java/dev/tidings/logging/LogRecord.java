package dev.tidings.logging;

import dev.tidings.ConfigurationException;
import dev.tidings.SchemaDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One log event as published by {@link KafkaHandler} and {@link KafkaAppender}: the data of a
 * {@code LogRecord:1} envelope, {@code {"schema":"LogRecord:1","data":{...}}}.
 *
 * <p>Consumers register the schema with {@code router.schema(LogRecord.schema())}; {@code
 * Router.discover()} finds it too, because this module lists a registration for it. The JSON Schema
 * (draft 2020-12) is in the jar at {@code META-INF/tidings/schemas/LogRecord-1.json}.
 *
 * @param timestamp when the event happened, ISO-8601 in UTC with a {@code Z}, e.g. {@code
 *     2026-11-05T09:15:02.123Z}
 * @param level the level on a common scale: TRACE, DEBUG, INFO, WARN or ERROR
 * @param severity the OpenTelemetry severity number, 1 (TRACE) to 24 (FATAL4): TRACE 1, DEBUG 5,
 *     INFO 9, WARN 13, ERROR 17; JUL's FINER is 2 and CONFIG 7
 * @param nativeLevel the level as the logging framework names it ({@code WARNING}, {@code FINE}, ...)
 * @param logger the logger name
 * @param thread the name of the thread that logged
 * @param message the formatted message (never {@code null}; empty when there was none)
 * @param template the message before its arguments were applied, when there were arguments;
 *     otherwise {@code null}
 * @param arguments the arguments ({@code String.valueOf} of each), when there were any; otherwise
 *     {@code null}
 * @param exception the logged throwable with its causes, or {@code null}
 * @param mdc the mapped diagnostic context (empty when there was none)
 * @param keyValues SLF4J 2 key-value pairs ({@code logger.atInfo().addKeyValue(...)}), or {@code
 *     null} when there were none
 * @param markers the names of the SLF4J markers (Logback), empty when there were none
 * @param traceId the trace id from the MDC key {@code traceId} or {@code trace_id}, or {@code null}
 * @param spanId the span id from the MDC key {@code spanId} or {@code span_id}, or {@code null}
 * @param resource where the event comes from: service, host and static fields
 */
public record LogRecord(
    String timestamp,
    Level level,
    int severity,
    String nativeLevel,
    String logger,
    String thread,
    String message,
    String template,
    List<String> arguments,
    Thrown exception,
    Map<String, String> mdc,
    Map<String, String> keyValues,
    List<String> markers,
    String traceId,
    String spanId,
    Resource resource) {

  /** The schema id, {@value}. */
  public static final String SCHEMA_ID = "LogRecord";

  /** The schema version, {@value}. */
  public static final int SCHEMA_VERSION = 1;

  /** Where the JSON Schema document is on the class path. */
  public static final String SCHEMA_RESOURCE = "META-INF/tidings/schemas/LogRecord-1.json";

  /** Levels on the scale shared by every logging framework. */
  public enum Level {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  /**
   * A throwable.
   *
   * @param type the class name
   * @param message its message, or {@code null}
   * @param stackTrace the full stack trace text, with causes and suppressed exceptions, as {@code
   *     printStackTrace} writes it (cut after 64 KiB, marked with a last line saying so)
   * @param causes the cause chain, outermost first, without the throwable itself
   */
  public record Thrown(String type, String message, String stackTrace, List<Cause> causes) {}

  /**
   * One link of a cause chain.
   *
   * @param type the class name
   * @param message its message, or {@code null}
   */
  public record Cause(String type, String message) {}

  /**
   * The source of the events.
   *
   * @param serviceName the configured service name (or the {@code OTEL_SERVICE_NAME} environment
   *     variable), or {@code null}
   * @param hostName the host name, or {@code null} when it cannot be found
   * @param attributes static fields from the configuration (empty when there are none)
   */
  public record Resource(String serviceName, String hostName, Map<String, String> attributes) {}

  /** The {@code LogRecord:1} schema definition, for routers that publish or read log records. */
  public static SchemaDefinition<LogRecord> schema() {
    return Holder.DEFINITION;
  }

  private static final class Holder {
    static final SchemaDefinition<LogRecord> DEFINITION =
        SchemaDefinition.builder(LogRecord.class)
            .id(SCHEMA_ID)
            .version(SCHEMA_VERSION)
            .jsonSchema(read())
            .build();

    private static String read() {
      try (InputStream in = LogRecord.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
        if (in == null) {
          throw new ConfigurationException(
              SCHEMA_RESOURCE + " is missing from the class path: the tidings-logging jar is incomplete");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
      }
    }
  }
}
