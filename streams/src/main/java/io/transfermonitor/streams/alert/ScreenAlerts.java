package io.transfermonitor.streams.alert;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Designation;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.ScreeningMatch;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.match.ScreenMatch;
import io.transfermonitor.streams.screen.DesignationMatch;
import io.transfermonitor.streams.screen.ScreeningHit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The SCREEN alert of one event and one designated party: which designation of which list (its
 * source, e.g. the UN list, OFAC's SDN list, an OpenSanctions dataset), the listed name, the party
 * as the event writes it, the method and score, and for a retroactive one when the event happened
 * and when the party was designated; for a close spelling, which name parts matched how. Id {@code
 * ruleId/designationId/eventId}.
 */
final class ScreenAlerts {

  private ScreenAlerts() {}

  static Alert alert(ScreenMatch screen) {
    Rule rule = screen.rule();
    ScreeningHit hit = screen.hit();
    Fact fact = hit.fact();
    DesignationMatch match = hit.match();
    Designation designation = match.designation();
    Alert alert = AlertComposer.aboutEvent(rule, fact, hit.processedAt());
    alert.setAlertId(
        rule.getRuleId() + "/" + designation.getDesignationId() + "/" + fact.eventId());
    alert.setMatchedDesignations(List.of(designation.getDesignationId()));
    alert.setMessage(message(rule, hit));
    alert.setScreening(
        ScreeningMatch.newBuilder()
            .setDesignationId(designation.getDesignationId())
            .setListedName(designation.getName())
            .setListType(designation.getRegime())
            .setPartyName(hit.party().getName())
            .setPartyRole(hit.party().getRole())
            .setMethod(match.method())
            .setScore(match.score())
            .setMatchedOn(match.matchedOn())
            .setRetroactive(hit.retroactive())
            .setListedOn(designation.getListedOn())
            .setListSource(designation.getSource())
            .build());
    return AlertComposer.complete(alert);
  }

  private static String message(Rule rule, ScreeningHit hit) {
    Fact fact = hit.fact();
    Designation designation = hit.match().designation();
    String event =
        AlertComposer.kindWords(fact).toLowerCase(Locale.ROOT)
            + " "
            + fact.eventId()
            + " of "
            + date(fact.eventTime());
    String listed =
        designation.getDesignationId()
            + " '"
            + designation.getName()
            + "' of the "
            + designation.getRegime()
            + " list"
            + (designation.getSource() == null ? "" : " (" + designation.getSource() + ")")
            + (designation.getListedOn() == null
                ? ""
                : ", designated on " + designation.getListedOn());
    String how = how(hit.match()) + " (score " + twoDecimals(hit.match().score()) + ")";
    String party = "'" + hit.party().getName() + "' (" + hit.party().getRole() + ")";
    String action =
        "dealings with a designated party under "
            + rule.getLegalBasis()
            + ": freeze, report and escalate to the sanctions desk.";
    if (hit.retroactive()) {
      return "Retroactive: "
          + party
          + ", named in the "
          + event
          + ", matches "
          + listed
          + ", "
          + how
          + "; found by rescreening past events when the designation reached the monitor on "
          + date(hit.processedAt())
          + ". Past "
          + action;
    }
    return capitalized(event)
        + " names "
        + party
        + ", which matches "
        + listed
        + ", "
        + how
        + ": "
        + action;
  }

  /**
   * {@code value} as {@code String.format(Locale.ROOT, "%.2f", value)} writes it (the shortest
   * decimal of the double, rounded half up), without the formatter's cost: it was most of the
   * message's share of the stream thread's samples. Negative, infinite and NaN values, which a
   * score never is, go to the formatter.
   */
  static String twoDecimals(double value) {
    if (Double.doubleToRawLongBits(value) < 0 || !Double.isFinite(value)) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return new BigDecimal(Double.toString(value)).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static String how(DesignationMatch match) {
    return switch (match.method()) {
      case IDENTIFIER -> "by identifier " + match.matchedOn();
      case NAME -> "by its listed name";
      case ALIAS -> "by the alias '" + match.matchedOn() + "'";
      case WEAK_ALIAS -> "by the low-quality alias '" + match.matchedOn() + "'" + why(match);
      case FUZZY -> "by a close spelling of '" + match.matchedOn() + "'" + why(match);
    };
  }

  /** Which name parts matched how, for a match that is not exact: {@code [foriegn~foreign ...]}. */
  private static String why(DesignationMatch match) {
    return match.explanation().isEmpty() ? "" : " [" + match.explanation() + "]";
  }

  private static LocalDate date(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
