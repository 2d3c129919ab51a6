package dev.tidings;

import java.util.List;

/**
 * Data does not match its JSON Schema. The message names the stream, the schema, and for each
 * violation the JSON pointer and the rule. Fatal for this data: fix the data or the schema.
 */
public class SchemaValidationException extends TidingsException {
  private static final long serialVersionUID = 1L;

  /**
   * One broken rule.
   *
   * @param pointer the JSON pointer of the offending value inside {@code data}, e.g. {@code
   *     /items/0/qty} ({@code ""} for the root)
   * @param rule the JSON Schema keyword that failed, e.g. {@code minimum}
   * @param message a readable explanation
   */
  public record Violation(String pointer, String rule, String message)
      implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
  }

  private final String schema;
  private final transient List<Violation> violations;

  public SchemaValidationException(String message, String schema, List<Violation> violations) {
    super(message);
    this.schema = schema;
    this.violations = List.copyOf(violations);
  }

  /** The schema key, {@code id:version}. */
  public String schema() {
    return schema;
  }

  /** The broken rules, at least one. */
  public List<Violation> violations() {
    return violations == null ? List.of() : violations;
  }
}
