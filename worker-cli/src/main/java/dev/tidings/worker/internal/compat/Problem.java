package dev.tidings.worker.internal.compat;

/**
 * One incompatibility.
 *
 * @param rule the rule it breaks
 * @param pointer the JSON pointer into the newer schema document ({@code ""} for the root)
 * @param detail what is wrong, naming the two schemas
 */
public record Problem(Rule rule, String pointer, String detail) {
  /** {@code /properties/x [required-added]: ...}. */
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + " [" + rule.id() + "]: " + detail;
  }
}
