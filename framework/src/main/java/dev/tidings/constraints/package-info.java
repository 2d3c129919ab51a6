/**
 * Constraints on {@link dev.tidings.Schema} record components that the annotation processor turns
 * into JSON Schema keywords. They mirror the Jakarta Validation annotations of the same names
 * (which the processor also honours when they are on the class path), so either set works.
 */
package dev.tidings.constraints;
