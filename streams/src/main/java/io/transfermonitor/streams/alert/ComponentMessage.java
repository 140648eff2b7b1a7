package io.transfermonitor.streams.alert;

import io.transfermonitor.model.Rule;
import io.transfermonitor.streams.fact.Detail;
import io.transfermonitor.streams.fact.Fact;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The sentence of a component-finding alert: the maker and its state, the part, the item it was
 * found in, where, when and by whom, the date code and whether the part was made on or after the
 * day the rule's prohibition came into force, its priority tier, and what to do.
 */
final class ComponentMessage {

  private ComponentMessage() {}

  /**
   * Whether the component was made on or after the rule's {@code inForceFrom}: null when the rule
   * gives no such day or the component no date. A date code names a period (a year, a month, a
   * week) and the component's date is its first day, so "after" is never claimed for a part whose
   * period begins before the day.
   */
  static Boolean madeAfter(Rule rule, Detail.Component c) {
    if (c.manufactured() == null || rule.getInForceFrom() == null) {
      return null;
    }
    LocalDate inForce;
    try {
      inForce = LocalDate.parse(rule.getInForceFrom());
    } catch (DateTimeParseException e) {
      return null;
    }
    LocalDate made = Instant.ofEpochMilli(c.manufactured()).atZone(ZoneOffset.UTC).toLocalDate();
    return !made.isBefore(inForce);
  }

  static String of(Rule rule, Fact fact, Detail.Component c, Boolean after, String tier) {
    StringBuilder s = new StringBuilder(320);
    s.append("Component of ")
        .append(c.maker())
        .append(" (")
        .append(c.makerCountry() == null ? "maker's country unknown" : c.makerCountry())
        .append(')');
    if (c.partNumber() != null) {
      s.append(", part ").append(c.partNumber());
    }
    if (c.function() != null) {
      s.append(" (").append(c.function()).append(')');
    }
    s.append(", found in a ").append(c.item());
    s.append(" of ").append(fact.origin() == null ? "unknown" : fact.origin()).append(" origin");
    if (c.recoveredAt() != null) {
      s.append(" recovered in ").append(c.recoveredAt());
    }
    s.append(", ")
        .append(Instant.ofEpochMilli(fact.eventTime()).atZone(ZoneOffset.UTC).toLocalDate());
    if (c.recoveredBy() != null) {
      s.append(", examined by ").append(c.recoveredBy());
    }
    s.append("; date code ").append(c.dateCode() == null ? "none legible" : c.dateCode());
    if (after != null) {
      s.append(after ? ", made after " : ", made before ")
          .append(rule.getInForceFrom())
          .append(" (")
          .append(rule.getLegalBasis())
          .append(')');
    }
    if (tier != null) {
      s.append("; HS ")
          .append(c.hsCode())
          .append(" is on the Common High Priority List, tier ")
          .append(tier);
    } else if (c.hsCode() != null) {
      s.append("; HS ").append(c.hsCode());
    }
    s.append(" [").append(fact.eventId());
    if (c.page() != null) {
      s.append(", ").append(c.page());
    }
    s.append("]: refer to ")
        .append(c.makerCountry() == null ? "the maker's state" : c.makerCountry())
        .append("'s export-control authority to trace the part's distributors ('")
        .append(rule.getTitle())
        .append("').");
    return s.toString();
  }
}
