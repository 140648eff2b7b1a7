package io.transfermonitor.streams.gap;

import io.transfermonitor.streams.ledger.ReportingPeriod;
import java.util.OptionalDouble;

/**
 * The REPORTED and OBSERVED totals of one cap rule, period and scope, side by side.
 *
 * @param capRuleId the CAP rule whose ledgers are compared
 * @param period the cap's period
 * @param scope {@link #ALL} or the ISO alpha-3 origin (supplying state) both totals are limited to
 * @param reported the REPORTED total
 * @param observed the OBSERVED total (each corroborated delivery once)
 * @param limit the cap's limit, or null
 * @param unit unit of the totals
 */
public record Comparison(
    String capRuleId,
    ReportingPeriod period,
    String scope,
    double reported,
    double observed,
    Double limit,
    String unit) {

  /** The scope of the totals of every supplying state. */
  public static final String ALL = "ALL";

  /** Observed less reported. */
  public double gap() {
    return observed - reported;
  }

  /** Observed over reported, empty when nothing was reported. */
  public OptionalDouble ratio() {
    return reported > 0 ? OptionalDouble.of(observed / reported) : OptionalDouble.empty();
  }

  /** {@code total} as a fraction of the limit, empty without a positive limit. */
  public OptionalDouble shareOfLimit(double total) {
    return limit != null && limit > 0 ? OptionalDouble.of(total / limit) : OptionalDouble.empty();
  }

  /** Whether these are the totals of every supplying state. */
  public boolean isTotal() {
    return ALL.equals(scope);
  }
}
