package dev.tidings;

import dev.tidings.internal.registry.Canonical;
import java.util.Optional;

/**
 * Comparing JSON Schema documents as data: the canonical form that the schema registry stores
 * (object keys sorted, compact, no insignificant whitespace) and the first JSON pointer where two
 * documents differ.
 */
public final class SchemaDocuments {
  private SchemaDocuments() {}

  /**
   * The canonical text of a JSON document: keys sorted at every level, compact. Two documents that
   * differ only in key order or whitespace have the same canonical text.
   *
   * @throws ConfigurationException when {@code json} is not one JSON value
   */
  public static String canonical(String json) {
    return Canonical.text(json);
  }

  /**
   * The JSON pointer of the first place (in canonical key order) where {@code a} and {@code b}
   * differ, {@code ""} for the whole document, or empty when they are equal as JSON.
   *
   * @throws ConfigurationException when either is not JSON
   */
  public static Optional<String> firstDifference(String a, String b) {
    return Canonical.firstDifference(Canonical.tree(a), Canonical.tree(b));
  }
}
