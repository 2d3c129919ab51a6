/**
 * The {@code worker} command: runs a Tidings application (the registrations found on the class
 * path, or an application class) on a Kafka cluster or on an embedded dev broker, serves health and
 * Prometheus metrics over HTTP, and offers the operator subcommands {@code schemas}, {@code publish}
 * and {@code healthcheck}. {@link dev.tidings.worker.Main} is the entry point; {@link
 * dev.tidings.worker.WorkerCommand} is the picocli command for embedding.
 *
 * <p>Everything in {@code dev.tidings.worker.internal} is implementation and may change.
 */
package dev.tidings.worker;
