package io.transfermonitor.cli.settings;

/**
 * A setting that cannot be used. The message is one line naming the key as the user wrote it (file
 * key, environment variable or option), the bad value and what is expected.
 */
public class SettingsException extends RuntimeException {

  private final String key;

  public SettingsException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** The key as the user wrote it, e.g. {@code KAFKA_BOOTSTRAP_SERVERS} or {@code --config}. */
  public String key() {
    return key;
  }
}
