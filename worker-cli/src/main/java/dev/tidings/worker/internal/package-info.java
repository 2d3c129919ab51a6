/**
 * The worker's implementation: option parsing (Kafka settings, durations), secret masking for
 * everything printed or logged, loading the application from a class path, the cluster probe, the
 * embedded dev broker, graceful stop on signals, the HTTP endpoints and the Micrometer telemetry,
 * and the subcommands.
 */
package dev.tidings.worker.internal;
