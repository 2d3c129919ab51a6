/** The built-in transports and the lookup of transport factories. */
package dev.tidings.transport.internal;
