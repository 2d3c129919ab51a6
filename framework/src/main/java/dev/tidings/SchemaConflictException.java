package dev.tidings;

/**
 * A schema of the application differs from the one the registry holds under the same {@code
 * id:version}. Fatal: a published schema never changes; give the changed schema a new version.
 */
public class SchemaConflictException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String pointer;
  private final String suggestedKey;

  public SchemaConflictException(String message, String key, String pointer, String suggestedKey) {
    super(message);
    this.key = key;
    this.pointer = pointer;
    this.suggestedKey = suggestedKey;
  }

  /** The {@code id:version} that differs. */
  public String key() {
    return key;
  }

  /** The JSON pointer of the first difference ({@code ""} for the whole document). */
  public String pointer() {
    return pointer;
  }

  /** The {@code id:version} to use instead: one above the highest version registered for the id. */
  public String suggestedKey() {
    return suggestedKey;
  }
}
