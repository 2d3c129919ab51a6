/**
 * The schema registry topic: a compacted topic keyed by {@code id:version} whose values hold the
 * canonical JSON Schema, the registering application and the time; read in bounded time, written
 * only for keys that are missing.
 */
package dev.tidings.internal.registry;
