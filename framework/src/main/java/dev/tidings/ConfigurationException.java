package dev.tidings;

/** A setting, a registration or an option is wrong; the message names it and the fix. Fatal. */
public class ConfigurationException extends TidingsException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
