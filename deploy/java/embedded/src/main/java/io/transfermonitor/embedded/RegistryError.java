package io.transfermonitor.embedded;

/**
 * A registry request that cannot be served, carried to the HTTP layer as a Confluent error body
 * {@code {"error_code": ..., "message": ...}} with the matching HTTP status.
 */
final class RegistryError extends RuntimeException {

  static final int SUBJECT_NOT_FOUND = 40401;
  static final int VERSION_NOT_FOUND = 40402;
  static final int SCHEMA_NOT_FOUND = 40403;
  static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
  static final int INVALID_SCHEMA = 42201;
  static final int INVALID_VERSION = 42202;
  static final int INVALID_COMPATIBILITY_LEVEL = 42203;

  private final int status;
  private final int errorCode;

  RegistryError(int status, int errorCode, String message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  static RegistryError subjectNotFound(String subject) {
    return new RegistryError(404, SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
  }

  static RegistryError versionNotFound(String subject, String version) {
    return new RegistryError(
        404, VERSION_NOT_FOUND, "Version " + version + " not found for subject '" + subject + "'.");
  }

  static RegistryError schemaNotFound(String what) {
    return new RegistryError(404, SCHEMA_NOT_FOUND, "Schema " + what + " not found.");
  }

  int status() {
    return status;
  }

  int errorCode() {
    return errorCode;
  }
}
