package io.transfermonitor.streams.cases;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Basis;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.CaseAction;
import io.transfermonitor.model.CaseActionKind;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleLevel;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.alert.AlertComposer;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.ledger.Ledger;
import io.transfermonitor.streams.ledger.LedgerUpdate.LevelReached;
import io.transfermonitor.streams.ledger.ReportingPeriod;
import io.transfermonitor.streams.match.BanMatch;
import java.time.Instant;

/** Alerts and actions as the stages before the case stage make them, for the case tests. */
final class CaseAlerts {

  static final String ARMS = "unscr-1718-arms-embargo";
  static final String ARMS_PRK_RUS = ARMS + "/PRK/RUS";

  private CaseAlerts() {}

  /** The arms-embargo alert for {@code containers} of munitions shipped from PRK to RUS. */
  static Alert munitions(String eventId, String time, int containers) {
    ContainerShipment shipment =
        Events.containers(eventId, time, CargoCategory.MUNITIONS, containers);
    return AlertComposer.banned(new BanMatch(Events.defaultRule(ARMS), Fact.of(shipment), 1_000));
  }

  /** The same, with its case id as the router sets it. */
  static Alert filedMunitions(String eventId, String time, int containers) {
    return Alert.newBuilder(munitions(eventId, time, containers)).setCaseId(ARMS_PRK_RUS).build();
  }

  /** The alert for the refined-petroleum cap's OBSERVED 2024 ledger reaching {@code label}. */
  static Alert capLevel(String label, double total) {
    Rule cap = Events.defaultRule(Events.REFINED_CAP);
    RuleLevel level =
        cap.getLevels().stream().filter(l -> l.getLabel().equals(label)).findFirst().orElseThrow();
    String time = "2024-06-18T00:00:00Z";
    long eventTime = Instant.parse(time).toEpochMilli();
    Fact delivery = Fact.of(Events.refined("d-" + label, time, total));
    Ledger ledger =
        Ledger.open(cap.getRuleId(), ReportingPeriod.of(null, eventTime), Basis.OBSERVED, "BARREL")
            .add(delivery, total);
    return AlertComposer.levelReached(new LevelReached(cap, ledger, level, 1_000));
  }

  static CaseAction action(String id, CaseActionKind kind, String by, String reason) {
    return CaseAction.newBuilder()
        .setActionId(id)
        .setCaseId(ARMS_PRK_RUS)
        .setAction(kind)
        .setBy(by)
        .setReason(reason)
        .setRequestedAt(Instant.ofEpochMilli(1_000))
        .build();
  }
}
