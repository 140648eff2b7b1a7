package io.transfermonitor.embedded;

/**
 * A port the embedded stack was told to listen on is taken. The message is one line an operator can
 * act on: which port, for what, and how to choose another.
 */
public class PortUnavailableException extends RuntimeException {

  private final int port;

  public PortUnavailableException(String what, int port, String hint, Throwable cause) {
    super(
        "port "
            + port
            + " on 127.0.0.1 is already in use ("
            + what
            + "); stop whatever holds it or "
            + hint,
        cause);
    this.port = port;
  }

  /** The port that could not be bound. */
  public int port() {
    return port;
  }
}
