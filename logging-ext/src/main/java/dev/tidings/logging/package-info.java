/**
 * Publishes application logs to Kafka: {@link dev.tidings.logging.KafkaHandler} for {@code
 * java.util.logging} and {@link dev.tidings.logging.KafkaAppender} for Logback (the SLF4J default
 * backend). Each event becomes a {@link dev.tidings.logging.LogRecord} envelope ({@code
 * LogRecord:1}) on a configured stream.
 *
 * <p>Both share one engine: the logging thread only snapshots the event and offers it to a bounded
 * queue; one background thread owns the Kafka producer. A log call never blocks on Kafka, never
 * throws, and never recurses (events of the Kafka client, of Tidings itself and of the background
 * thread are not published). What cannot be queued is dropped and counted; drops and failures are
 * reported at a limited rate and announced on the stream once delivery resumes.
 *
 * <p>Everything in {@code dev.tidings.logging.internal} is implementation and may change.
 */
package dev.tidings.logging;
