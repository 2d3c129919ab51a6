/**
 * The Tidings annotation processor. {@link dev.tidings.processor.TidingsProcessor} is registered
 * with {@link java.util.ServiceLoader} (through AutoService), so putting {@code tidings-processor}
 * on the annotation processor path is all a build needs. It validates {@code @Schema} records and
 * {@code @Subscribe} methods, derives a JSON Schema (draft 2020-12) for every schema and generates
 * plain registration classes that {@code Router.discover()} finds.
 *
 * <p>Everything else lives in {@code dev.tidings.processor.internal} and is not API.
 */
package dev.tidings.processor;
