/**
 * Compatibility of JSON Schemas as data contracts: whether every document one schema accepts is
 * accepted by another ({@link dev.tidings.worker.internal.compat.Inclusion}), the rules a difference
 * breaks ({@link dev.tidings.worker.internal.compat.Rule}), and the modes a new version is checked
 * under ({@link dev.tidings.worker.internal.compat.Compatibility}).
 */
package dev.tidings.worker.internal.compat;
