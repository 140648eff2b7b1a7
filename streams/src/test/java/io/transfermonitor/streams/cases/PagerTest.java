package io.transfermonitor.streams.cases;

import static io.transfermonitor.streams.cases.CaseAlerts.action;
import static io.transfermonitor.streams.cases.CaseAlerts.capLevel;
import static io.transfermonitor.streams.cases.CaseAlerts.munitions;
import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseActionKind;
import io.transfermonitor.model.CaseChange;
import io.transfermonitor.model.CaseNotification;
import io.transfermonitor.streams.cases.CaseFiling.Filing;
import io.transfermonitor.streams.cases.Pager.Paged;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PagerTest {

  private static final long MINUTE = 60_000;

  private final Pager pager = new Pager(Duration.ofMinutes(5));

  @Test
  void shouldPageWhenACaseOpensWithAMessageSayingWhat() {
    // when
    Paged paged = open(munitions("m1", "2023-09-07T00:00:00Z", 120), 0);

    // then
    assertThat(paged.notification())
        .hasValueSatisfying(
            n -> {
              assertThat(n.getKind()).isEqualTo(CaseChange.OPENED);
              assertThat(n.getNotificationId()).isEqualTo("unscr-1718-arms-embargo/PRK/RUS/1");
              assertThat(n.getNewAlerts()).isEqualTo(1);
              assertThat(n.getMessage())
                  .isEqualTo(
                      "Case unscr-1718-arms-embargo/PRK/RUS opened: t: PRK → RUS (CRITICAL, UNSCR"
                          + " 1718 (2006) OP8(a)(b), UNSCR 1874 (2009), UNSCR 2270 (2016)); 1 alert,"
                          + " 120 containers, event 2023-09-07.");
            });
    assertThat(paged.state().getNotificationCount()).isEqualTo(1);
  }

  @Test
  void shouldHoldUpdatesForTheQuietIntervalThenPageOnceWithAllOfThem() {
    // given
    Case state = open(munitions("m1", "2023-09-07T00:00:00Z", 120), 0).state();

    // when: two more within the interval
    Paged second = file(state, munitions("m2", "2023-09-14T00:00:00Z", 150), MINUTE);
    Paged third = file(second.state(), munitions("m3", "2023-09-21T00:00:00Z", 140), 2 * MINUTE);
    Paged early = pager.flush(third.state(), null, 4 * MINUTE);
    Paged due = pager.flush(third.state(), null, 5 * MINUTE);

    // then
    assertThat(second.notification()).isEmpty();
    assertThat(third.notification()).isEmpty();
    assertThat(pager.dueAt(third.state())).hasValue(5 * MINUTE);
    assertThat(early.notification()).isEmpty();
    assertThat(due.notification())
        .hasValueSatisfying(
            n -> {
              assertThat(n.getKind()).isEqualTo(CaseChange.UPDATED);
              assertThat(n.getNewAlerts()).isEqualTo(2);
              assertThat(n.getMessage())
                  .contains(" 2 alerts more: ")
                  .contains("3 alerts, 410 containers");
            });
    assertThat(pager.dueAt(due.state())).isEmpty();
  }

  @Test
  void shouldPageAnEscalationAtOnceEvenWithinTheQuietInterval() {
    // given
    Case state = open(capLevel("NOTICE_75", 382_500), 0).state();

    // when
    Paged breach = file(state, capLevel("BREACH", 523_500), MINUTE);

    // then
    assertThat(breach.notification())
        .map(CaseNotification::getMessage)
        .hasValueSatisfying(m -> assertThat(m).contains(" escalated to BREACH, CRITICAL: "));
  }

  @Test
  void shouldPageNobodyForASuppressedCaseAndTellTheEscalationWhenTheSuppressionEnds() {
    // given
    Case open = open(capLevel("NOTICE_75", 382_500), 0).state();
    Case suppressed =
        CaseLifecycle.apply(open, action("a1", CaseActionKind.SUPPRESS, "bob", "known"), MINUTE);

    // when
    Paged escalated = file(suppressed, capLevel("BREACH", 523_500), 2 * MINUTE);
    Case ended = CaseLifecycle.endSuppression(escalated.state(), 60 * MINUTE);
    Paged afterwards = pager.afterSuppression(ended, 60 * MINUTE);

    // then
    assertThat(escalated.notification()).isEmpty();
    assertThat(escalated.state().getAlertCount()).isEqualTo(2);
    assertThat(pager.dueAt(escalated.state())).isEmpty();
    assertThat(afterwards.notification())
        .map(CaseNotification::getKind)
        .hasValue(CaseChange.ESCALATED);
  }

  private Paged open(Alert alert, long now) {
    CaseKey key = CaseKey.of(alert, null);
    Filing opened = CaseFiling.open(key.caseId(), key.title("t"), key.grouping(), alert, now);
    return pager.afterFiling(opened.state(), opened.change(), alert, now);
  }

  private Paged file(Case state, Alert alert, long now) {
    Filing filed = CaseFiling.file(state, alert, now);
    return pager.afterFiling(filed.state(), filed.change(), alert, now);
  }
}
