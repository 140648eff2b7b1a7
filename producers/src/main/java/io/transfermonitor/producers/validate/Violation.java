package io.transfermonitor.producers.validate;

/**
 * One thing wrong with an event.
 *
 * @param field dotted path of the offending field, e.g. {@code quantity} or {@code header.eventId}
 * @param reason what is wrong, in words a data engineer can act on
 */
public record Violation(String field, String reason) {

  @Override
  public String toString() {
    return field + ": " + reason;
  }
}
