package io.transfermonitor.streams.ledger;

import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleLevel;
import java.util.List;

/**
 * What a change of a ledger produces: a level newly reached (for the alert stage) or the new usage
 * of a cap (for the cap-usage aggregate topic). Sealed, so the topology routes both and nothing
 * else.
 */
public sealed interface LedgerUpdate {

  /** The level reached, or nothing: for {@code flatMapValues}. */
  default List<LevelReached> levelsReached() {
    return this instanceof LevelReached l ? List.of(l) : List.of();
  }

  /** The new cap usage, or nothing: for {@code flatMapValues}. */
  default List<CapUsage> usages() {
    return this instanceof UsageChanged u ? List.of(u.usage()) : List.of();
  }

  /**
   * {@code ledger} has reached {@code level} of {@code rule} for the first time; keyed by ledger.
   *
   * @param processedAt wall-clock time of the judgement, epoch millis
   */
  record LevelReached(Rule rule, Ledger ledger, RuleLevel level, long processedAt)
      implements LedgerUpdate {}

  /** The new total of a CAP ledger against its limit; keyed by ledger key. */
  record UsageChanged(CapUsage usage) implements LedgerUpdate {}
}
