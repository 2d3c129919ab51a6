/**
 * The engine shared by the JUL handler and the Logback appender: the caller-thread {@link
 * dev.tidings.logging.internal.Snapshot}, the bounded queue and background thread of {@link
 * dev.tidings.logging.internal.LogShipper}, configuration parsing and validation, the recursion
 * guard, and the conversion to {@link dev.tidings.logging.LogRecord}.
 */
package dev.tidings.logging.internal;
