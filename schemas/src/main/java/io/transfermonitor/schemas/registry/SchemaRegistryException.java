package io.transfermonitor.schemas.registry;

/**
 * A registry call that failed. The message names the subject (or id), the registry URL and the HTTP
 * status with the registry's own error code, so an operator can act on it.
 */
public class SchemaRegistryException extends RuntimeException {

  /** Confluent error code for "subject not found". */
  public static final int SUBJECT_NOT_FOUND = 40401;

  /** Confluent error code for "version not found". */
  public static final int VERSION_NOT_FOUND = 40402;

  /** Confluent error code for "schema not found". */
  public static final int SCHEMA_NOT_FOUND = 40403;

  private final int httpStatus;
  private final int errorCode;

  public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(String message, int httpStatus, int errorCode) {
    this(message, httpStatus, errorCode, null);
  }

  /** HTTP status of the failed call, or 0 when no answer came. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The registry's {@code error_code}, or 0 when it gave none. */
  public int errorCode() {
    return errorCode;
  }

  /** True for any "not found" answer (subject, version or schema), whatever the registry. */
  public boolean isNotFound() {
    return httpStatus == 404;
  }

  /**
   * True when {@code exception} or one of its causes is a registry call that got no useful answer
   * (unreachable, timed out, a server error), as opposed to one where the registry said the schema
   * id is unknown: the record is then not to blame and should be retried, not rejected.
   */
  public static boolean unavailableIn(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof SchemaRegistryException e) {
        return !e.isNotFound();
      }
    }
    return false;
  }

  /** True when the registry refused a schema as incompatible with the subject (HTTP 409). */
  public boolean isIncompatible() {
    return httpStatus == 409;
  }

  /** True when the registry refused the request as invalid (HTTP 422: bad schema or level). */
  public boolean isInvalid() {
    return httpStatus == 422;
  }
}
