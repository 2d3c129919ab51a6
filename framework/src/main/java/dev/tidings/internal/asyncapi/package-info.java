/**
 * The AsyncAPI 3.0 document of an application, built from plain data (schemas with their JSON
 * Schema text, streams, subscriptions) into a tree of maps and lists, and written as YAML. Both the
 * worker ({@code worker asyncapi}, {@code /asyncapi.yaml}) and the annotation processor ({@code
 * META-INF/tidings/asyncapi.yaml} in the jar) use it, so there is one generator.
 *
 * <p>Only the JDK is used here: the processor runs with the framework jar on its path but none of
 * the framework's dependencies. Not API.
 */
package dev.tidings.internal.asyncapi;
