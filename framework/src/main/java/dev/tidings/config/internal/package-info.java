/** Parsing of configuration files and the typed reading of their sections. */
package dev.tidings.config.internal;
