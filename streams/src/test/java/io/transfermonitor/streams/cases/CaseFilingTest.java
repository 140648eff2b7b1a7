package io.transfermonitor.streams.cases;

import static io.transfermonitor.streams.cases.CaseAlerts.capLevel;
import static io.transfermonitor.streams.cases.CaseAlerts.munitions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.ArmsTransfer;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseChange;
import io.transfermonitor.model.CaseHistoryEntry;
import io.transfermonitor.model.CaseStatus;
import io.transfermonitor.model.CaseStep;
import io.transfermonitor.model.CaseTotal;
import io.transfermonitor.model.Severity;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.alert.AlertComposer;
import io.transfermonitor.streams.cases.CaseFiling.Filing;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.match.BanMatch;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseFilingTest {

  @Test
  void shouldOpenACaseWithItsFirstAlertAndCountEveryLaterOneInItsUnit() {
    // given
    Filing opened = open(munitions("m1", "2023-09-14T00:00:00Z", 150));

    // when
    Filing second =
        CaseFiling.file(opened.state(), munitions("m2", "2023-09-07T00:00:00Z", 120), 2);
    ArmsTransfer missiles = Events.arms("kn23", "2024-01-02T00:00:00Z", "PRK", "RUS");
    Alert missileAlert =
        AlertComposer.banned(
            new BanMatch(Events.defaultRule(CaseAlerts.ARMS), Fact.of(missiles), 1_000));
    Case state = CaseFiling.file(second.state(), missileAlert, 3).state();

    // then
    assertThat(opened.change()).isEqualTo(CaseChange.OPENED);
    assertThat(opened.state().getStatus()).isEqualTo(CaseStatus.OPEN);
    assertThat(second.change()).isEqualTo(CaseChange.UPDATED);
    assertThat(state.getAlertCount()).isEqualTo(3);
    assertThat(state.getTotals())
        .extracting(CaseTotal::getUnit, CaseTotal::getAmount, CaseTotal::getAlerts)
        .containsExactly(tuple("CONTAINERS", 270.0, 2L), tuple("UNITS", 10.0, 1L));
    assertThat(state.getFirstEventTime()).isEqualTo(Instant.parse("2023-09-07T00:00:00Z"));
    assertThat(state.getLastEventTime()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
    assertThat(state.getAlertIds())
        .containsExactly(
            "unscr-1718-arms-embargo/m1",
            "unscr-1718-arms-embargo/m2",
            "unscr-1718-arms-embargo/kn23");
    assertThat(state.getLatestEvidence()).containsExactly("m1", "m2", "kn23");
    assertThat(state.getSources()).containsExactly("seed-000");
    assertThat(state.getHistory())
        .extracting(CaseHistoryEntry::getStep)
        .containsExactly(CaseStep.OPENED);
    assertThat(CaseFiling.holds(state, "unscr-1718-arms-embargo/m2")).isTrue();
  }

  @Test
  void shouldEscalateOnAHigherLevelOrSeverityAndKeepARunningTotalUncounted() {
    // given
    Filing notice = open(capLevel("NOTICE_75", 382_500));

    // when
    Filing ninety = CaseFiling.file(notice.state(), capLevel("NOTICE_90", 450_000), 2);
    Filing ceaseSupply = CaseFiling.file(ninety.state(), capLevel("CEASE_SUPPLY_95", 480_000), 3);
    Filing breach = CaseFiling.file(ceaseSupply.state(), capLevel("BREACH", 523_500), 4);

    // then: 90 % raises the severity, 95 % only the level, both escalate
    assertThat(List.of(ninety.change(), ceaseSupply.change(), breach.change()))
        .containsOnly(CaseChange.ESCALATED);
    Case state = breach.state();
    assertThat(state.getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(state.getLevel()).isEqualTo("BREACH");
    assertThat(state.getTotals())
        .singleElement()
        .satisfies(t -> assertThat(t.getAmount()).isEqualTo(523_500.0));
    assertThat(state.getHistory())
        .extracting(CaseHistoryEntry::getStep, CaseHistoryEntry::getNote)
        .containsExactly(
            tuple(CaseStep.OPENED, "level NOTICE_75, MEDIUM"),
            tuple(CaseStep.ESCALATED, "level NOTICE_90, HIGH"),
            tuple(CaseStep.ESCALATED, "level CEASE_SUPPLY_95, HIGH"),
            tuple(CaseStep.ESCALATED, "level BREACH, CRITICAL"));
  }

  @Test
  void shouldReopenAResolvedCaseWhenEvidenceArrives() {
    // given
    Case resolved =
        Case.newBuilder(open(munitions("m1", "2023-09-07T00:00:00Z", 120)).state())
            .setStatus(CaseStatus.RESOLVED)
            .build();

    // when
    Filing filing = CaseFiling.file(resolved, munitions("m2", "2023-09-14T00:00:00Z", 150), 2);

    // then
    assertThat(filing.change()).isEqualTo(CaseChange.REOPENED);
    assertThat(filing.state().getStatus()).isEqualTo(CaseStatus.REOPENED);
    assertThat(filing.state().getHistory())
        .last()
        .satisfies(
            e -> {
              assertThat(e.getStep()).isEqualTo(CaseStep.REOPENED);
              assertThat(e.getAlertId()).isEqualTo("unscr-1718-arms-embargo/m2");
            });
  }

  @Test
  void shouldKeepTheLatestEvidenceAndAlertIdsWithinTheirBoundsAndCountThemAll() {
    // given
    Case state = open(munitions("m0", "2023-09-07T00:00:00Z", 1)).state();

    // when
    for (int i = 1; i <= CaseFiling.ALERT_IDS + 5; i++) {
      state = CaseFiling.file(state, munitions("m" + i, "2023-09-07T00:00:00Z", 1), i).state();
    }

    // then
    assertThat(state.getAlertCount()).isEqualTo(CaseFiling.ALERT_IDS + 6L);
    assertThat(state.getAlertIds())
        .hasSize(CaseFiling.ALERT_IDS)
        .last()
        .asString()
        .endsWith("/m105");
    assertThat(state.getLatestEvidence()).hasSize(CaseFiling.EVIDENCE).endsWith("m105");
  }

  private static Filing open(Alert alert) {
    CaseKey key = CaseKey.of(alert, null);
    return CaseFiling.open(key.caseId(), key.title("t"), key.grouping(), alert, 1);
  }
}
