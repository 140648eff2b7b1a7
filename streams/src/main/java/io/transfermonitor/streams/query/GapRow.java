package io.transfermonitor.streams.query;

import io.transfermonitor.streams.gap.GapState;
import java.util.List;

/**
 * A reporting gap as the reporting-gap stage judged it (the {@code reporting-gaps} store, which
 * raises the gap alerts): one DISCREPANCY rule, period and scope, with the totals it last compared
 * and the levels it raised. The same figures as the {@code ReportingGap} on {@code
 * tm.aggregates.reporting-gaps}.
 *
 * @param ruleId the DISCREPANCY rule
 * @param periodStart first day of the cap's period (UTC)
 * @param scope {@code ALL} (every supplying state) or a supplying state's ISO alpha-3 code
 * @param reported the REPORTED total compared
 * @param observed the OBSERVED total compared (each corroborated delivery once)
 * @param limit the cap's limit, or null
 * @param ratio observed over reported, null when nothing was reported
 * @param raisedLevels the levels raised ({@code REPORTING_GAP}, {@code UNREPORTED_BREACH}), in the
 *     order they were raised
 */
public record GapRow(
    String ruleId,
    String periodStart,
    String scope,
    double reported,
    double observed,
    Double limit,
    Double ratio,
    List<String> raisedLevels) {

  /** The row of the store entry {@code ruleId/periodStart/scope}. */
  public static GapRow of(String key, GapState state) {
    int scopeAt = key.lastIndexOf('/');
    int periodAt = key.lastIndexOf('/', scopeAt - 1);
    if (periodAt < 0) {
      throw new IllegalStateException(
          "reporting-gaps key '" + key + "' is not ruleId/periodStart/scope");
    }
    return new GapRow(
        key.substring(0, periodAt),
        key.substring(periodAt + 1, scopeAt),
        key.substring(scopeAt + 1),
        state.reported(),
        state.observed(),
        state.limit(),
        state.reported() > 0 ? state.observed() / state.reported() : null,
        state.raisedLevels());
  }
}
