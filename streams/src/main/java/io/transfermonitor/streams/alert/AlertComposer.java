package io.transfermonitor.streams.alert;

import static io.transfermonitor.streams.alert.Amounts.number;
import static io.transfermonitor.streams.alert.Amounts.unitWord;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.RuleLevel;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.ledger.AlertLevels;
import io.transfermonitor.streams.ledger.Ledger;
import io.transfermonitor.streams.ledger.LedgerUpdate.LevelReached;
import io.transfermonitor.streams.match.BanMatch;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Stage 6, alerts: builds the {@link Alert}s ops see: one per level a ledger reaches, and one per
 * banned event, each with a deterministic id and a sentence saying what happened and what to do.
 *
 * <p>Ids: {@code ruleId/periodStart/basis/levelLabel} for levels, {@code ruleId/eventId} for banned
 * events. Replays produce the same ids, so even a consumer that sees an alert twice can tell.
 */
public final class AlertComposer {

  private AlertComposer() {}

  /** The alert for a ledger reaching a level of its rule. */
  public static Alert levelReached(LevelReached reached) {
    return levelReached(reached.rule(), reached.ledger(), reached.level(), reached.processedAt());
  }

  /** The alert for one event that a BAN rule forbids. */
  public static Alert banned(BanMatch match) {
    return banned(match.rule(), match.fact(), match.processedAt());
  }

  /** The alert for {@code ledger} reaching {@code level} of {@code rule}. */
  static Alert levelReached(Rule rule, Ledger ledger, RuleLevel level, long nowMillis) {
    boolean cap = rule.getKind() == RuleKind.CAP;
    return Alert.newBuilder()
        .setAlertId(ledger.key() + "/" + level.getLabel())
        .setRuleId(rule.getRuleId())
        .setLegalBasis(rule.getLegalBasis())
        .setRuleKind(rule.getKind())
        .setSeverity(level.getSeverity())
        .setBasis(ledger.basis())
        .setPeriodStart(Instant.ofEpochMilli(ledger.periodStart()))
        .setPeriodEnd(Instant.ofEpochMilli(ledger.periodEnd()))
        .setLevel(level.getLabel())
        .setThreshold(level.getThreshold())
        .setTotal(ledger.total())
        .setLimit(cap ? rule.getLimit() : (Double) AlertLevels.amountOf(rule, level))
        .setUnit(ledger.unit())
        .setEventKind(ledger.lastEventKind())
        .setTriggeringEventIds(ledger.recentEventIds())
        .setEventTime(Instant.ofEpochMilli(ledger.lastEventTime()))
        .setProcessedAt(Instant.ofEpochMilli(nowMillis))
        .setMessage(cap ? capMessage(rule, ledger, level) : cumulativeMessage(rule, ledger, level))
        .setReferences(ledger.lastReferences())
        .setOrigin(ledger.sharedOrigin())
        .setDestination(ledger.sharedDestination())
        .build();
  }

  /** The alert for one event that {@code rule} bans. */
  static Alert banned(Rule rule, Fact fact, long nowMillis) {
    return Alert.newBuilder()
        .setAlertId(rule.getRuleId() + "/" + fact.eventId())
        .setRuleId(rule.getRuleId())
        .setLegalBasis(rule.getLegalBasis())
        .setRuleKind(rule.getKind())
        .setSeverity(rule.getSeverity())
        .setTotal(fact.amount())
        .setUnit(fact.amountUnit())
        .setEventKind(fact.kind())
        .setTriggeringEventIds(List.of(fact.eventId()))
        .setEventTime(Instant.ofEpochMilli(fact.eventTime()))
        .setProcessedAt(Instant.ofEpochMilli(nowMillis))
        .setMessage(banMessage(rule, fact))
        .setReferences(fact.references())
        .setOrigin(fact.origin())
        .setDestination(fact.destination())
        .build();
  }

  private static String capMessage(Rule rule, Ledger ledger, RuleLevel level) {
    return String.format(
        Locale.ROOT,
        "%s total of '%s' reached %s %% of the limit (%s of %s %s) in the period %s%s: %s.",
        ledger.basis(),
        rule.getTitle(),
        number(level.getThreshold() * 100),
        number(ledger.total()),
        number(rule.getLimit()),
        unitWord(ledger.unit()),
        ledger.period(),
        reachedIn(ledger, level.getThreshold() * rule.getLimit()),
        action(rule, level));
  }

  /** Where events arrived out of order, when the level was reached by event time. */
  private static String reachedIn(Ledger ledger, double amount) {
    return ledger.reachedIn(amount).map(month -> ", reached by event time in " + month).orElse("");
  }

  private static String action(Rule rule, RuleLevel level) {
    if (level.getThreshold() >= 1.0) {
      return "breach of " + rule.getLegalBasis() + ", escalate to the sanctions desk now";
    }
    if (level.getLabel().toUpperCase(Locale.ROOT).contains("CEASE")) {
      return "under "
          + rule.getLegalBasis()
          + " supplying states must cease supplying for the rest of the period";
    }
    return "notice level "
        + level.getLabel()
        + " under "
        + rule.getLegalBasis()
        + ", notify the 1718 Committee desk";
  }

  private static String cumulativeMessage(Rule rule, Ledger ledger, RuleLevel level) {
    return String.format(
        Locale.ROOT,
        "%s cumulative total of '%s' passed %s %s (now %s) in the period %s: %s, escalate under"
            + " %s.",
        ledger.basis(),
        rule.getTitle(),
        number(level.getThreshold()),
        unitWord(ledger.unit()),
        number(ledger.total()),
        ledger.period(),
        level.getLabel(),
        rule.getLegalBasis());
  }

  private static String banMessage(Rule rule, Fact fact) {
    return String.format(
        Locale.ROOT,
        "%s %s (%s %s of %s, %s to %s, %s) is banned by %s ('%s'): escalate to the sanctions desk"
            + " with the cited evidence.",
        kindWords(fact),
        fact.eventId(),
        number(fact.reportedAmount()),
        unitWord(fact.reportedUnit()),
        fact.subject(),
        orUnknown(fact.origin()),
        orUnknown(fact.destination()),
        Instant.ofEpochMilli(fact.eventTime()).atZone(ZoneOffset.UTC).toLocalDate(),
        rule.getLegalBasis(),
        rule.getTitle());
  }

  private static String kindWords(Fact fact) {
    return switch (fact.kind()) {
      case TANKER_DELIVERY -> fact.shipToShip() ? "Ship-to-ship transfer" : "Tanker delivery";
      case CONTAINER_SHIPMENT -> "Container shipment";
      case ARMS_TRANSFER -> "Arms transfer";
      case TROOP_DEPLOYMENT -> "Troop deployment";
      case WORKER_DISPATCH -> "Worker dispatch";
      case FINANCIAL_TRANSFER -> "Payment";
    };
  }

  private static String orUnknown(String country) {
    return country == null ? "unknown" : country;
  }
}
