package io.transfermonitor.cli;

/** What {@code transfer-monitor} exits with, so scripts can tell a failure's kind. */
public final class ExitCode {

  /** Anything else that went wrong. */
  public static final int FAILED = 1;

  /** A setting, flag or input file is wrong; nothing was done. */
  public static final int BAD_SETTING = 2;

  /** A broker, registry or topic does not answer or does not exist. */
  public static final int UNAVAILABLE = 3;

  /**
   * The cluster refused the command (authentication or authorization), or an action was refused.
   */
  public static final int REFUSED = 4;

  private ExitCode() {}
}
