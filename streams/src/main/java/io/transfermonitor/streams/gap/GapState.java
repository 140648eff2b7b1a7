package io.transfermonitor.streams.gap;

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
 */
public record GapState(double reported, double observed, Double limit, List<String> raisedLevels) {

  public GapState {
    raisedLevels = raisedLevels == null ? List.of() : List.copyOf(raisedLevels);
  }

  static GapState none() {
    return new GapState(0, 0, null, List.of());
  }

  static String key(String ruleId, Comparison c) {
    return ruleId + "/" + c.period().start() + "/" + c.scope();
  }

  boolean shows(Comparison c) {
    return reported == c.reported() && observed == c.observed() && Objects.equals(limit, c.limit());
  }

  boolean raised(GapLevel level) {
    return raisedLevels.contains(level.name());
  }

  GapState publishing(Comparison c, List<GapLevel> newlyRaised) {
    List<String> raised = new ArrayList<>(raisedLevels);
    newlyRaised.forEach(level -> raised.add(level.name()));
    return new GapState(c.reported(), c.observed(), c.limit(), raised);
  }
}
