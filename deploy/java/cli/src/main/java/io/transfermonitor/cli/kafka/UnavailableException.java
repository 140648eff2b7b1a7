package io.transfermonitor.cli.kafka;

/** A broker, registry or topic the command needs does not answer or does not exist. */
public class UnavailableException extends RuntimeException {

  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public UnavailableException(String message) {
    super(message);
  }
}
