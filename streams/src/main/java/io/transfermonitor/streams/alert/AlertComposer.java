package io.transfermonitor.streams.alert;

import static io.transfermonitor.streams.alert.Amounts.number;
import static io.transfermonitor.streams.alert.Amounts.unitWord;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Basis;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.RuleLevel;
import io.transfermonitor.streams.fact.Detail;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.gap.Comparison;
import io.transfermonitor.streams.gap.GapUpdate.GapReached;
import io.transfermonitor.streams.ledger.AlertLevels;
import io.transfermonitor.streams.ledger.Ledger;
import io.transfermonitor.streams.ledger.LedgerUpdate.LevelReached;
import io.transfermonitor.streams.match.BanMatch;
import io.transfermonitor.streams.match.ScreenMatch;
import io.transfermonitor.streams.reference.ComponentReferences;
import io.transfermonitor.streams.reference.Listing;
import io.transfermonitor.streams.reference.MakerResolution;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.avro.AvroMissingFieldException;
import org.apache.avro.Schema;

/**
 * Stage 6, alerts: builds the {@link Alert}s ops see: one per level a ledger reaches, one per level
 * a reporting gap reaches, one per banned event, one per event and designated party (SCREEN), each
 * with a deterministic id and a sentence saying what happened and what to do.
 *
 * <p>Ids: {@code ruleId/periodStart/basis/levelLabel} for levels, {@code
 * ruleId/periodStart/scope/level} for reporting gaps, {@code ruleId/eventId} for banned events,
 * {@code ruleId/designationId/eventId} for designated parties (so an alert found live and one found
 * by rescreening the same event would share an id). Replays produce the same ids, so even a
 * consumer that sees an alert twice can tell.
 */
public final class AlertComposer {

  /** The fields of an alert that have no default and cannot be null. */
  private static final List<Schema.Field> REQUIRED =
      Alert.getClassSchema().getFields().stream()
          .filter(f -> !f.hasDefaultValue() && !f.schema().isNullable())
          .toList();

  private AlertComposer() {}

  /** The alert for a ledger reaching a level of its rule. */
  public static Alert levelReached(LevelReached reached) {
    return levelReached(reached.rule(), reached.ledger(), reached.level(), reached.processedAt());
  }

  /** The alert for one event that a BAN rule forbids, with no reference data of components. */
  public static Alert banned(BanMatch match) {
    return banned(match, ComponentReferences.none());
  }

  /**
   * The alert for one event that a BAN rule forbids; a component finding's maker, country and tier
   * as {@code references} hold them now.
   */
  public static Alert banned(BanMatch match, ComponentReferences references) {
    if (match.fact().detail() instanceof Detail.Component c) {
      return component(match.rule(), match.fact(), c, references, match.processedAt());
    }
    return banned(match.rule(), match.fact(), match.processedAt());
  }

  /** The alert for an event naming a party that matches a designation a SCREEN rule covers. */
  public static Alert screened(ScreenMatch match) {
    return ScreenAlerts.alert(match);
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
        .setSources(ledger.lastSources())
        .setCorroboratedDeliveryCount(
            ledger.basis() == Basis.OBSERVED ? ledger.corroboratedDeliveryCount() : null)
        .build();
  }

  /** The alert for a reporting gap reaching one of its levels. */
  public static Alert gapReached(GapReached reached) {
    Comparison c = reached.comparison();
    Rule rule = reached.rule();
    Ledger trigger = reached.trigger();
    Ledger observed = reached.observed();
    return Alert.newBuilder()
        .setAlertId(
            rule.getRuleId() + "/" + c.period().start() + "/" + c.scope() + "/" + reached.level())
        .setRuleId(rule.getRuleId())
        .setLegalBasis(rule.getLegalBasis())
        .setRuleKind(rule.getKind())
        .setSeverity(reached.level().severity(rule))
        .setPeriodStart(Instant.ofEpochMilli(c.period().startMillis()))
        .setPeriodEnd(Instant.ofEpochMilli(c.period().endMillis()))
        .setLevel(reached.level().name())
        .setThreshold(reached.level().threshold(rule, c.limit()))
        .setTotal(c.observed())
        .setReportedTotal(c.reported())
        .setLimit(c.limit())
        .setUnit(c.unit())
        .setScope(c.scope())
        .setEventKind(trigger.lastEventKind())
        .setTriggeringEventIds(trigger.recentEventIds())
        .setEventTime(Instant.ofEpochMilli(trigger.lastEventTime()))
        .setProcessedAt(Instant.ofEpochMilli(reached.processedAt()))
        .setMessage(GapMessage.of(reached))
        .setReferences(trigger.lastReferences())
        .setSources(trigger.lastSources())
        .setCorroboratedDeliveryCount(
            c.isTotal() && observed != null ? observed.corroboratedDeliveryCount() : null)
        .setOrigin(c.isTotal() ? shared(trigger, observed, Ledger::sharedOrigin) : c.scope())
        .setDestination(shared(trigger, observed, Ledger::sharedDestination))
        .build();
  }

  /** The alert for one event that {@code rule} bans. */
  static Alert banned(Rule rule, Fact fact, long nowMillis) {
    if (fact.detail() instanceof Detail.Component c) {
      return component(rule, fact, c, ComponentReferences.none(), nowMillis);
    }
    Alert alert = aboutEvent(rule, fact, nowMillis);
    alert.setAlertId(rule.getRuleId() + "/" + fact.eventId());
    alert.setMessage(banMessage(rule, fact));
    return complete(alert);
  }

  /**
   * What an alert about one event says besides its id and message: the rule, its legal basis and
   * severity, the event's amount, kind, time, references, source name, origin and destination, when
   * it was raised. The caller sets the rest and returns it through {@link #complete}.
   *
   * <p>Made with the record's setters on a {@link #blank} alert rather than {@code
   * Alert.newBuilder()}: the builder deep-copies the schema default of every field not set, a few
   * per cent of the stream thread's samples for the one event in five that raises an alert.
   */
  static Alert aboutEvent(Rule rule, Fact fact, long nowMillis) {
    Alert alert = blank();
    alert.setRuleId(rule.getRuleId());
    alert.setLegalBasis(rule.getLegalBasis());
    alert.setRuleKind(rule.getKind());
    alert.setSeverity(rule.getSeverity());
    alert.setTotal(fact.amount());
    alert.setUnit(fact.amountUnit());
    alert.setEventKind(fact.kind());
    alert.setTriggeringEventIds(List.of(fact.eventId()));
    alert.setEventTime(Instant.ofEpochMilli(fact.eventTime()));
    alert.setProcessedAt(Instant.ofEpochMilli(nowMillis));
    alert.setReferences(fact.references());
    // the event's source by name, as the dashboard shows a case's sources
    alert.setSources(fact.sourceName() == null ? List.of() : List.of(fact.sourceName()));
    alert.setOrigin(fact.origin());
    alert.setDestination(fact.destination());
    alert.setVessel(fact.detail() instanceof Detail.Vessel v ? v.key() : null);
    return alert;
  }

  /**
   * An alert with every field at its schema default, as {@code Alert.newBuilder()} leaves a field
   * not set: null for the optional fields, an empty list for the lists (the required fields, which
   * have no default, null until set). {@code AlertComposerTest} checks it against the schema.
   */
  static Alert blank() {
    Alert alert = new Alert();
    alert.setTriggeringEventIds(new ArrayList<>(1));
    alert.setMatchedDesignations(new ArrayList<>(1));
    alert.setReferences(new ArrayList<>(1));
    alert.setSources(new ArrayList<>(1));
    return alert;
  }

  /**
   * {@code alert}, once every field without a default is set; refused as the builder's {@code
   * build()} refuses it otherwise.
   */
  static Alert complete(Alert alert) {
    for (Schema.Field field : REQUIRED) {
      if (alert.get(field.pos()) == null) {
        throw new AvroMissingFieldException("alert field not set: " + field.name(), field);
      }
    }
    return alert;
  }

  /** The alert for a component of a state's maker found in a weapon that {@code rule} is about. */
  static Alert component(
      Rule rule, Fact fact, Detail.Component c, ComponentReferences references, long nowMillis) {
    Boolean after = ComponentMessage.madeAfter(rule, c);
    MakerResolution maker = references.maker(c);
    Listing listing = references.listing(c.hsCode());
    Alert alert = aboutEvent(rule, fact, nowMillis);
    alert.setAlertId(rule.getRuleId() + "/" + fact.eventId());
    alert.setMaker(maker.maker());
    alert.setMakerCountry(maker.country());
    alert.setMakerAsReported(maker.asReported());
    alert.setMakerResolvedBy(maker.resolvedBy());
    alert.setMadeAfterInForce(after);
    alert.setPriorityTier(listing == null ? null : listing.tier());
    alert.setPriorityList(listing == null ? null : listing.list());
    alert.setMessage(ComponentMessage.of(rule, fact, c, maker, after, listing));
    return complete(alert);
  }

  private static String capMessage(Rule rule, Ledger ledger, RuleLevel level) {
    return String.format(
        Locale.ROOT,
        "%s total of '%s' reached %s %% of the limit (%s of %s %s) in the period %s%s%s: %s.",
        ledger.basis(),
        rule.getTitle(),
        number(level.getThreshold() * 100),
        number(ledger.total()),
        number(rule.getLimit()),
        unitWord(ledger.unit()),
        ledger.period(),
        reachedIn(ledger, level.getThreshold() * rule.getLimit()),
        corroborated(ledger),
        action(rule, level));
  }

  /** What both ledgers of a comparison share ({@code observed} may be missing), or null. */
  private static String shared(Ledger trigger, Ledger observed, Function<Ledger, String> value) {
    String a = value.apply(trigger);
    String b = observed == null ? a : value.apply(observed);
    return a != null && a.equals(b) ? a : null;
  }

  /** Where observations were merged, how many deliveries the total holds and how many merged. */
  static String corroborated(Ledger ledger) {
    if (ledger.corroboratedDeliveryCount() <= 0) {
      return "";
    }
    return " (" + deliveries(ledger) + ")";
  }

  /** {@code 41 deliveries, 1 seen by more than one source}. */
  static String deliveries(Ledger ledger) {
    long all = ledger.deliveries();
    return String.format(
        Locale.ROOT,
        "%s %s, %s seen by more than one source",
        number(all),
        all == 1 ? "delivery" : "deliveries",
        number(ledger.corroboratedDeliveryCount()));
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
    if (fact.detail() instanceof Detail.Vessel vessel) {
      return vesselMessage(rule, fact, vessel);
    }
    // concatenated, not formatted: every ban alert is written this way
    return kindWords(fact)
        + " "
        + fact.eventId()
        + " ("
        + number(fact.reportedAmount())
        + " "
        + unitWord(fact.reportedUnit())
        + " of "
        + fact.subject()
        + ", "
        + orUnknown(fact.origin())
        + " to "
        + orUnknown(fact.destination())
        + ", "
        + Instant.ofEpochMilli(fact.eventTime()).atZone(ZoneOffset.UTC).toLocalDate()
        + ") is banned by "
        + rule.getLegalBasis()
        + " ('"
        + rule.getTitle()
        + "'): escalate to the sanctions desk with the cited evidence.";
  }

  /** A vessel's activity is no transfer: what was seen, where and when, and what to do. */
  private static String vesselMessage(Rule rule, Fact fact, Detail.Vessel vessel) {
    String what =
        vessel.description() != null ? vessel.description() : vessel.activity().toString();
    return "Vessel "
        + (vessel.name() == null ? "" : vessel.name() + " ")
        + vessel.key()
        + (vessel.flag() == null ? "" : " (flag " + vessel.flag() + ")")
        + ", "
        + Instant.ofEpochMilli(fact.eventTime()).atZone(ZoneOffset.UTC).toLocalDate()
        + ": "
        + what
        + " ["
        + fact.eventId()
        + "]; "
        + rule.getLegalBasis()
        + " ('"
        + rule.getTitle()
        + "'): ask the flag state and the coastal patrols for what the vessel did meanwhile.";
  }

  static String kindWords(Fact fact) {
    return switch (fact.kind()) {
      case TANKER_DELIVERY -> fact.shipToShip() ? "Ship-to-ship transfer" : "Tanker delivery";
      case CONTAINER_SHIPMENT -> "Container shipment";
      case ARMS_TRANSFER -> "Arms transfer";
      case TROOP_DEPLOYMENT -> "Troop deployment";
      case WORKER_DISPATCH -> "Worker dispatch";
      case FINANCIAL_TRANSFER -> "Payment";
      case VESSEL_ACTIVITY -> "Vessel activity";
      case COMPONENT_FINDING -> "Component finding";
    };
  }

  private static String orUnknown(String country) {
    return country == null ? "unknown" : country;
  }
}
