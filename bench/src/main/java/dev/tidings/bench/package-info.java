/**
 * Benchmarks of Tidings against the raw Kafka clients: an end-to-end harness ({@link
 * dev.tidings.bench.Harness}: publish and consume throughput, latency at fixed rates) and JMH
 * benchmarks of the codec path ({@link dev.tidings.bench.CodecBenchmark}, run by {@link
 * dev.tidings.bench.CodecMain}). {@code bench/run} builds and runs them and prints the table.
 */
package dev.tidings.bench;
