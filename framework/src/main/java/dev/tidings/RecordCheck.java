package dev.tidings;

/**
 * A fast, conservative check that a record satisfies its schema's JSON Schema, run before the
 * record is written. The annotation processor generates one for every {@code @Schema} record whose
 * schema it derives (a hand-written schema gets none).
 *
 * <p>The contract is one-sided: {@link #certainlyValid} returns {@code true} only when the JSON
 * that Tidings writes for the record certainly satisfies the JSON Schema. {@code false} means
 * invalid <em>or</em> not sure (a format the check does not judge, a value outside what it models);
 * the generic JSON Schema validator then decides, and reports the violations when there are any.
 * So a check can make publishing faster, never more permissive.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface RecordCheck<T extends Record> {
  /** Whether {@code record} certainly satisfies the JSON Schema; {@code false} when unsure. */
  boolean certainlyValid(T record);
}
