package io.transfermonitor.schemas.validation;

/**
 * One thing wrong with an event.
 *
 * @param field the offending field, dotted from the record root (e.g. {@code header.eventTime})
 * @param reason what is wrong, in words a data engineer can fix the source with
 */
public record Violation(String field, String reason) {

  @Override
  public String toString() {
    return field + ": " + reason;
  }
}
