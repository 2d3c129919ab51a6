/** Helpers for the worker's tests: the test class path, jars built at test time, worker processes. */
package dev.tidings.worker.testing;
