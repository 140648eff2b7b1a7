package io.transfermonitor.streams.alert;

import io.transfermonitor.model.Rule;
import io.transfermonitor.streams.fact.Detail;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.reference.Listing;
import io.transfermonitor.streams.reference.MakerResolution;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The sentence of a component-finding alert: the maker and its state, the part, the item it was
 * found in, where, when and by whom, the date code and whether the part was made on or after the
 * day the rule's prohibition came into force, its priority tier, and what to do; when the makers
 * table decided the maker or its country, which table, and what the finding itself said.
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

  static String of(
      Rule rule,
      Fact fact,
      Detail.Component c,
      MakerResolution maker,
      Boolean after,
      Listing listing) {
    StringBuilder s = new StringBuilder(360);
    s.append("Component of ")
        .append(maker.maker())
        .append(" (")
        .append(maker.country() == null ? "maker's country unknown" : maker.country());
    if (maker.byTable()) {
      s.append(", by the ").append(maker.resolvedBy());
      if (maker.asReported() != null) {
        s.append("; marked '").append(maker.asReported()).append('\'');
      }
      if (c.makerCountry() != null && !c.makerCountry().equals(maker.country())) {
        s.append("; the finding said ").append(c.makerCountry());
      } else if (c.makerCountry() == null && maker.country() != null) {
        s.append("; the finding named no country");
      }
    }
    s.append(')');
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
    if (listing != null) {
      s.append("; HS ")
          .append(c.hsCode())
          .append(" is on the ")
          .append(listing.list())
          .append(", tier ")
          .append(listing.tier());
    } else if (c.hsCode() != null) {
      s.append("; HS ").append(c.hsCode());
    }
    s.append(" [").append(fact.eventId());
    if (c.page() != null) {
      s.append(", ").append(c.page());
    }
    s.append("]: refer to ")
        .append(maker.country() == null ? "the maker's state" : maker.country())
        .append("'s export-control authority to trace the part's distributors ('")
        .append(rule.getTitle())
        .append("').");
    return s.toString();
  }
}
