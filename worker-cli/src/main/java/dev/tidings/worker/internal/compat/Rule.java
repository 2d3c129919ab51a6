package dev.tidings.worker.internal.compat;

/**
 * One way a reader's schema can reject data that a writer's schema accepts. {@code {W}} and {@code
 * {R}} in the texts stand for the writer's and the reader's schema.
 */
public enum Rule {
  TYPE_NARROWED("type-narrowed", "{R} does not accept the type(s) %s, which {W} allows%s"),
  ENUM_NARROWED("enum-narrowed", "{R} accepts only %s; {W} allows %s"),
  CONST_CHANGED("const-changed", "{R} accepts only %s; {W} allows %s"),
  MINIMUM_RAISED("minimum-raised", "{R} has the lower bound %s; {W} allows %s"),
  MAXIMUM_LOWERED("maximum-lowered", "{R} has the upper bound %s; {W} allows %s"),
  MULTIPLE_OF_CHANGED("multiple-of-changed", "{R} requires a multiple of %s; {W} allows %s"),
  MIN_LENGTH_RAISED("min-length-raised", "{R} requires at least %s characters; {W} allows %s"),
  MAX_LENGTH_LOWERED("max-length-lowered", "{R} allows at most %s characters; {W} allows %s"),
  PATTERN_CHANGED("pattern-changed", "{R} requires the pattern %s; {W} has %s"),
  FORMAT_CHANGED("format-changed", "{R} requires the format %s; {W} has %s"),
  MIN_ITEMS_RAISED("min-items-raised", "{R} requires at least %s items; {W} allows %s"),
  MAX_ITEMS_LOWERED("max-items-lowered", "{R} allows at most %s items; {W} allows %s"),
  UNIQUE_ITEMS_ADDED("unique-items-added", "{R} requires unique items; {W} allows duplicates%s%s"),
  REQUIRED_ADDED("required-added", "{R} requires '%s'; data written with {W} may lack it%s"),
  PROPERTY_REMOVED("property-removed",
      "{R} does not allow '%s' (additionalProperties: false); data written with {W} may have it%s"),
  PROPERTY_ADDED_TO_OPEN_MODEL("property-added-to-open-model",
      "{R} constrains '%s', which {W} does not declare but allows with any value (additionalProperties"
          + " is not false)%s"),
  ADDITIONAL_PROPERTIES_NARROWED("additional-properties-narrowed",
      "{R} restricts undeclared properties (%s); {W} allows %s"),
  PROPERTY_NAMES_NARROWED("property-names-narrowed", "{R} restricts the property names; {W} allows %s%s"),
  MIN_PROPERTIES_RAISED("min-properties-raised", "{R} requires at least %s properties; {W} allows %s"),
  MAX_PROPERTIES_LOWERED("max-properties-lowered", "{R} allows at most %s properties; {W} allows %s"),
  NOTHING_ALLOWED("nothing-allowed", "{R} accepts nothing here (false); {W} allows %s%s"),
  NOT_COMPARABLE("not-comparable",
      "the keyword %s of {R} cannot be compared with {W} (value %s); review the change by hand"),
  SCHEMA_CHANGED("schema-changed",
      "the schema registered as %s changed (first difference at %s): a published id:version never changes;"
          + " give the changed schema a new version");

  private final String id;
  private final String text;

  Rule(String id, String text) {
    this.id = id;
    this.text = text;
  }

  /** The stable id printed in brackets. */
  public String id() {
    return id;
  }

  /** The text, with {@code {W}}/{@code {R}} still in it. */
  String format(Object a, Object b) {
    return String.format(text, a, b);
  }
}
