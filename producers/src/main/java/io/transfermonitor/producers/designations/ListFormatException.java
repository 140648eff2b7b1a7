package io.transfermonitor.producers.designations;

/**
 * A list file that cannot be read at all: not well-formed XML, a DOCTYPE (refused, so that no
 * entity is ever expanded or fetched), an unknown character set. The message names the file and,
 * where the parser knows it, the line.
 */
public class ListFormatException extends RuntimeException {

  public ListFormatException(String message) {
    super(message);
  }

  public ListFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
