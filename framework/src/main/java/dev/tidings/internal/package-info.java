/** The runtime behind the API: the application, which wires the codec, publisher and consumers. */
package dev.tidings.internal;
