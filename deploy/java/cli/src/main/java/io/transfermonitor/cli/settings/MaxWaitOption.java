package io.transfermonitor.cli.settings;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --max-wait}: how long a command that needs the cluster and the registry waits for them to
 * answer at start before it gives up with an unavailable error (exit code 3). Shared by {@code run}
 * and {@code ingest}, so both say the same thing in {@code --help}.
 */
public final class MaxWaitOption {

  static final int DEFAULT_SECONDS = 300;

  @Option(
      names = "--max-wait",
      paramLabel = "SECONDS",
      defaultValue = "" + DEFAULT_SECONDS,
      description =
          "How long to wait at start for Kafka and the schema registry to answer, trying again"
              + " every 3 s, before giving up with exit code 3 (default ${DEFAULT-VALUE}).")
  int seconds = DEFAULT_SECONDS;

  /** The wait; a negative number of seconds is a bad setting. */
  public Duration duration() {
    if (seconds < 0) {
      throw new SettingsException(
          "--max-wait", "bad setting --max-wait: a number of seconds, 0 or more; was " + seconds);
    }
    return Duration.ofSeconds(seconds);
  }
}
