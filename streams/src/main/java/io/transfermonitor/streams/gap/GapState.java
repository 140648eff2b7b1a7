package io.transfermonitor.streams.gap;

import io.transfermonitor.streams.ledger.Ledger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the {@code reporting-gaps} store keeps per DISCREPANCY rule, period and scope (key {@code
 * ruleId/periodStart/scope}): the totals last published and the levels already raised, so a level
 * is raised once whatever is replayed, and an unchanged comparison is not published again.
 *
 * @param reported REPORTED total last published
 * @param observed OBSERVED total last published
 * @param limit cap limit last published
 * @param raisedLevels names of the {@link GapLevel}s raised
 * @param deliveries OBSERVED deliveries last published (0 in a state an older monitor wrote)
 * @param corroborated of them, the ones seen by more than one source last published: a second
 *     source's smaller figure changes no total but this count, and the aggregate must say so
 */
public record GapState(
    double reported,
    double observed,
    Double limit,
    List<String> raisedLevels,
    long deliveries,
    long corroborated) {

  public GapState {
    raisedLevels = raisedLevels == null ? List.of() : List.copyOf(raisedLevels);
  }

  static GapState none() {
    return new GapState(0, 0, null, List.of(), 0, 0);
  }

  static String key(String ruleId, Comparison c) {
    return ruleId + "/" + c.period().start() + "/" + c.scope();
  }

  /**
   * Whether the last published aggregate shows {@code c} and the {@code observedLedger}'s counts.
   */
  boolean shows(Comparison c, Ledger observedLedger) {
    return reported == c.reported()
        && observed == c.observed()
        && Objects.equals(limit, c.limit())
        && deliveries == deliveriesOf(observedLedger)
        && corroborated == corroboratedOf(observedLedger);
  }

  boolean raised(GapLevel level) {
    return raisedLevels.contains(level.name());
  }

  GapState publishing(Comparison c, List<GapLevel> newlyRaised, Ledger observedLedger) {
    List<String> raised = new ArrayList<>(raisedLevels);
    newlyRaised.forEach(level -> raised.add(level.name()));
    return new GapState(
        c.reported(),
        c.observed(),
        c.limit(),
        raised,
        deliveriesOf(observedLedger),
        corroboratedOf(observedLedger));
  }

  private static long deliveriesOf(Ledger observed) {
    return observed == null ? 0 : observed.deliveries();
  }

  private static long corroboratedOf(Ledger observed) {
    return observed == null ? 0 : observed.corroboratedDeliveryCount();
  }
}
