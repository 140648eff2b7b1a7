package io.transfermonitor.streams.query;

/**
 * The state asked for cannot be read right now: the monitor is starting or rebalancing, or the
 * instance that holds a key did not answer. Worth a retry; the dashboard answers 503 with the
 * message.
 */
public final class NotReadyException extends RuntimeException {

  public NotReadyException(String message) {
    super(message);
  }

  public NotReadyException(String message, Throwable cause) {
    super(message, cause);
  }
}
