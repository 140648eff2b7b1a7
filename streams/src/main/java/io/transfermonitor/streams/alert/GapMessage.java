package io.transfermonitor.streams.alert;

import static io.transfermonitor.streams.alert.Amounts.number;
import static io.transfermonitor.streams.alert.Amounts.unitWord;

import io.transfermonitor.model.Rule;
import io.transfermonitor.streams.gap.Comparison;
import io.transfermonitor.streams.gap.GapLevel;
import io.transfermonitor.streams.gap.GapUpdate.GapReached;
import io.transfermonitor.streams.ledger.Ledger;
import io.transfermonitor.streams.ledger.ReportingPeriod;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The sentence of a reporting-gap alert, e.g. "2024: reported 300,600 bbl (60 % of the cap),
 * observed 1,101,000 bbl (220 %): observed is 3.7 × reported. ..." then the rule, how many observed
 * deliveries were corroborated, and what to do.
 */
final class GapMessage {

  private GapMessage() {}

  static String of(GapReached reached) {
    Comparison c = reached.comparison();
    Rule rule = reached.rule();
    String unit = unitWord(c.unit());
    return String.format(
        Locale.ROOT,
        "%s%s: reported %s %s%s, observed %s %s%s: %s%s. %s%s: %s.",
        periodWords(c.period()),
        c.isTotal() ? "" : ", supplies from " + c.scope(),
        number(c.reported()),
        unit,
        share(c, c.reported(), " of the cap"),
        number(c.observed()),
        unit,
        share(c, c.observed(), ""),
        ratioWords(c),
        reached.level() == GapLevel.UNREPORTED_BREACH
            ? ", past the " + number(c.limit()) + " " + unit + " cap while reported stays under it"
            : "",
        rule.getTitle(),
        deliveries(c, reached.observed()),
        action(reached));
  }

  /** {@code 2024} for a calendar year, else {@code 2023-12-22..2024-12-22}. */
  static String periodWords(ReportingPeriod period) {
    boolean calendarYear =
        period.start().getDayOfYear() == 1 && period.end().equals(period.start().plusYears(1));
    return calendarYear ? String.valueOf(period.start().getYear()) : period.toString();
  }

  private static String share(Comparison c, double total, String suffix) {
    OptionalDouble share = c.shareOfLimit(total);
    if (share.isEmpty()) {
      return "";
    }
    return String.format(Locale.ROOT, " (%,.0f %%%s)", share.getAsDouble() * 100, suffix);
  }

  private static String ratioWords(Comparison c) {
    OptionalDouble ratio = c.ratio();
    if (ratio.isEmpty()) {
      return "nothing was reported";
    }
    return String.format(Locale.ROOT, "observed is %.1f × reported", ratio.getAsDouble());
  }

  private static String deliveries(Comparison c, Ledger observed) {
    if (!c.isTotal() || observed == null || observed.corroboratedDeliveryCount() <= 0) {
      return "";
    }
    return " (observed: " + AlertComposer.deliveries(observed) + ")";
  }

  private static String action(GapReached reached) {
    if (reached.level() == GapLevel.UNREPORTED_BREACH) {
      return "observed deliveries breach "
          + reached.capRule().getLegalBasis()
          + " unreported, escalate to the sanctions desk now";
    }
    return "ask the supplying states to account for the difference ("
        + reached.rule().getLegalBasis()
        + ")";
  }
}
