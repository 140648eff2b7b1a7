package io.transfermonitor.producers.ingest;

/** A mapping file that cannot be used: names the file and what is wrong. Fails the run early. */
public class MappingException extends RuntimeException {

  public MappingException(String message) {
    super(message);
  }

  public MappingException(String message, Throwable cause) {
    super(message, cause);
  }
}
