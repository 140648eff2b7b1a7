package io.transfermonitor.streams.cases;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CaseDimension;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Which case an alert belongs to: its rule and the values the rule's grouping key ({@code groupBy}
 * in the rules file) takes on the alert. The id is deterministic, {@code ruleId/value/...} (e.g.
 * {@code unscr-1718-arms-embargo/PRK/RUS}), so a replay files an alert in the same case. Without a
 * {@code groupBy} a rule groups by the default of its kind: BAN by origin and destination, CAP by
 * period and basis, SCREEN by designation, DISCREPANCY by period.
 *
 * @param ruleId the alert's rule
 * @param dimensions the grouping key
 * @param values the alert's value for each dimension, {@value #MISSING} where it has none
 */
public record CaseKey(String ruleId, List<CaseDimension> dimensions, List<String> values) {

  /** The value of a dimension the alert does not have. */
  public static final String MISSING = "-";

  public CaseKey {
    dimensions = List.copyOf(dimensions);
    values = List.copyOf(values);
  }

  /** The case of {@code alert}, grouped as {@code rule} says (its kind's default without one). */
  public static CaseKey of(Alert alert, Rule rule) {
    List<CaseDimension> dimensions =
        rule != null && rule.getGroupBy() != null
            ? rule.getGroupBy()
            : defaultGrouping(alert.getRuleKind());
    List<String> values = new ArrayList<>();
    for (CaseDimension dimension : dimensions) {
      String value = valueOf(alert, dimension);
      values.add(value == null || value.isBlank() ? MISSING : value);
    }
    return new CaseKey(alert.getRuleId(), dimensions, values);
  }

  /** The grouping of a rule of {@code kind} that declares none. */
  public static List<CaseDimension> defaultGrouping(RuleKind kind) {
    return switch (kind) {
      case BAN -> List.of(CaseDimension.ORIGIN, CaseDimension.DESTINATION);
      case CAP -> List.of(CaseDimension.PERIOD, CaseDimension.BASIS);
      case SCREEN -> List.of(CaseDimension.DESIGNATION);
      case DISCREPANCY -> List.of(CaseDimension.PERIOD);
    };
  }

  /** {@code ruleId/value/...}. */
  public String caseId() {
    return values.isEmpty() ? ruleId : ruleId + "/" + String.join("/", values);
  }

  /** The key as {@code DIMENSION=value} entries, e.g. {@code ORIGIN=PRK}. */
  public List<String> grouping() {
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < dimensions.size(); i++) {
      entries.add(dimensions.get(i) + "=" + values.get(i));
    }
    return entries;
  }

  /** {@code ruleTitle} and the key's values: "...to or from the DPRK: PRK → RUS". */
  public String title(String ruleTitle) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < dimensions.size(); i++) {
      boolean route =
          dimensions.get(i) == CaseDimension.ORIGIN
              && i + 1 < dimensions.size()
              && dimensions.get(i + 1) == CaseDimension.DESTINATION;
      if (route) {
        boolean unknown = values.get(i).equals(MISSING) && values.get(i + 1).equals(MISSING);
        parts.add(unknown ? "route unknown" : values.get(i) + " → " + values.get(i + 1));
        i++;
      } else {
        parts.add(values.get(i));
      }
    }
    return parts.isEmpty() ? ruleTitle : ruleTitle + ": " + String.join(", ", parts);
  }

  private static String valueOf(Alert alert, CaseDimension dimension) {
    return switch (dimension) {
      case ORIGIN -> alert.getOrigin();
      case DESTINATION -> alert.getDestination();
      case PERIOD ->
          alert.getPeriodStart() == null
              ? null
              : alert.getPeriodStart().atZone(ZoneOffset.UTC).toLocalDate().toString();
      case BASIS -> alert.getBasis() == null ? null : alert.getBasis().toString();
      case DESIGNATION ->
          String.join("+", alert.getMatchedDesignations().stream().sorted().toList());
      case EVENT_KIND -> alert.getEventKind() == null ? null : alert.getEventKind().toString();
      case VESSEL -> alert.getVessel();
      case MAKER_COUNTRY -> alert.getMakerCountry();
      case MAKER -> alert.getMaker();
    };
  }
}
