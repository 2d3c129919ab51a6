/**
 * Publish transports: how a published envelope travels once it has been validated. A {@link
 * dev.tidings.transport.Transport} sends one {@link dev.tidings.transport.OutgoingMessage} and
 * completes when its target confirms it (a broker acknowledgement, an HTTP 2xx, an fsync) with a
 * {@link dev.tidings.transport.Delivery}. {@link dev.tidings.transport.Transports#create} builds one
 * from a {@code transport:} configuration section through the {@link
 * dev.tidings.transport.TransportFactory} registered for its {@code type}: {@code kafka} (the
 * default), {@code http}, {@code file}, {@code console}, {@code memory} ({@link
 * dev.tidings.transport.MemoryTransport}, for tests) and {@code composite}, or a custom one named by
 * its class.
 */
package dev.tidings.transport;
