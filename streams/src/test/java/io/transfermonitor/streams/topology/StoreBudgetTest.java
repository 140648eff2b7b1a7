package io.transfermonitor.streams.topology;

import static io.transfermonitor.streams.Events.REFINED_CAP;
import static io.transfermonitor.streams.Events.containers;
import static io.transfermonitor.streams.Events.defaultRules;
import static io.transfermonitor.streams.Events.payment;
import static io.transfermonitor.streams.Events.refined;
import static io.transfermonitor.streams.Events.sighting;
import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseAction;
import io.transfermonitor.model.CaseActionKind;
import io.transfermonitor.model.CaseHistoryEntry;
import io.transfermonitor.model.CaseStatus;
import io.transfermonitor.model.FinancialTransfer;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.streams.Designations;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.corroborate.ObservationBatch;
import io.transfermonitor.streams.errors.RecordBudget;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Store values over the size budget, refused where they are put (issue 22): on the production
 * topology with a budget of 8 KB, so that values of a few kilobytes reach the guard. A store that
 * grows past the budget would write a changelog record the broker refuses at the next commit, and
 * the task would fail on it at every retry; instead the input record is set aside on the rejected
 * topic saying which store, counted with reason {@code oversize}, the store keeps its value as it
 * was, and the monitor goes on. No changelog record is ever over the budget.
 */
class StoreBudgetTest {

  private static final int BUDGET = 8 * 1024;
  private static final String CASE = "unscr-1718-arms-embargo/PRK/RUS";

  private final MonitorDriver monitor =
      new MonitorDriver(MonitorConfig.defaults(), new RecordBudget(BUDGET));

  @BeforeEach
  void rules() {
    monitor.rules(defaultRules());
  }

  @AfterEach
  void close() {
    monitor.close();
  }

  @Test
  void shouldSetAsideAnEventTooLargeForTheEventsStoreAndCountTheNextOne() {
    // given: a valid delivery keyed by its id (no repartition) with 10 KB of references
    TankerDelivery big = refined("big", "2024-03-01T00:00:00Z", 100_000);
    big.getHeader().setReferences(Collections.nCopies(10, "r".repeat(1_000)));

    // when: it, then a good one
    monitor.send(big);
    monitor.send(refined("good", "2024-03-02T00:00:00Z", 50_000));

    // then: the big one set aside naming the events store's changelog, the good one counted alone
    RejectedEvent rejected = singleRejection();
    assertThat(rejected.getEventId()).isEqualTo("big");
    assertThat(rejected.getReason()).startsWith("too large to keep: ").contains("events-changelog");
    assertThat(usage(REFINED_CAP + "/2024-01-01/OBSERVED").getTotal()).isEqualTo(50_000.0);
    assertThat(usage(REFINED_CAP + "/2024-01-01/OBSERVED").getEventCount()).isEqualTo(1);
    assertNoChangelogRecordOverTheBudget();
    assertThat(oversizeCount()).isEqualTo(1.0);
  }

  @Test
  void shouldSetAsideWhatWouldGrowALedgerPastTheBudgetAndKeepCountingTheOthers() {
    // given: a ledger citing its last event ids, each of 900 characters: by the tenth it is past
    // 8 KB, though each event and each partial sum stays far below it
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String id = String.format("%03d", i) + "x".repeat(897);
      ids.add(id);
      monitor.send(refined(id, "2024-03-01T00:00:00Z", 1_000));
    }

    // when: a delivery counted in another ledger (2023)
    monitor.send(refined("other", "2023-03-01T00:00:00Z", 2_000));

    // then: what would grow the ledger past the budget is set aside naming the ledgers' changelog
    List<RejectedEvent> rejected = monitor.rejected.readValuesToList();
    assertThat(rejected)
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.getStage()).isEqualTo(RejectionStage.PROCESSING);
              assertThat(r.getReason())
                  .startsWith("too large to keep: ")
                  .contains("ledgers-changelog");
            });
    // the ledger holds what it could keep, never more than was sent; the other one counts on
    CapUsage grown = usage(REFINED_CAP + "/2024-01-01/OBSERVED");
    assertThat(grown.getEventCount()).isBetween(1L, (long) ids.size() - rejected.size());
    assertThat(grown.getTotal()).isEqualTo(1_000.0 * grown.getEventCount());
    assertThat(usage(REFINED_CAP + "/2023-01-01/OBSERVED").getTotal()).isEqualTo(2_000.0);
    assertNoChangelogRecordOverTheBudget();
    assertThat(oversizeCount()).isEqualTo(rejected.size());
  }

  @Test
  void shouldSetAsideWhatWouldGrowADeliveryPartialSumPastTheBudgetAndSendTheRest() {
    // given: twelve vessels' observed deliveries in one interval, each vessel in a bucket of its
    // own (one small batch each), their ids of 900 characters: the partial sum of the cap that
    // corroborates them cites them all, past 8 KB by the eighth
    List<TankerDelivery> sightings = new ArrayList<>();
    Set<Integer> buckets = new HashSet<>();
    for (int imo = 9000001; sightings.size() < 12; imo++) {
      if (buckets.add(ObservationBatch.bucketOf(Integer.toString(imo)))) {
        String id = String.format("%03d", sightings.size()) + "y".repeat(897);
        sightings.add(
            sighting(id, "2024-03-01T00:00:00Z", 1_000, Integer.toString(imo), "Nampo", "AIS"));
      }
    }

    // when
    monitor.sendAll(sightings);

    // then: the batches that would grow the partial sum past the budget are set aside naming its
    // changelog; the rest reach the ledger, none counted twice
    List<RejectedEvent> rejected = monitor.rejected.readValuesToList();
    assertThat(rejected)
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(r.getReason())
                    .startsWith("too large to keep: ")
                    .contains("delivery-ledger-partials-changelog"));
    CapUsage usage = usage(REFINED_CAP + "/2024-01-01/OBSERVED");
    assertThat(usage.getEventCount()).isEqualTo(sightings.size() - rejected.size());
    assertThat(usage.getTotal()).isEqualTo(1_000.0 * usage.getEventCount());
    assertNoChangelogRecordOverTheBudget();
    assertThat(oversizeCount()).isEqualTo(rejected.size());
  }

  @Test
  void shouldSetAsideAnActionThatWouldGrowTheCasePastTheBudgetAndApplyTheNextOne() {
    // given: a case open, acknowledged with a reason of 3,000 characters
    monitor.send(containers("m1", "2023-09-01T00:00:00Z", CargoCategory.MUNITIONS, 100));
    act("a1", CaseActionKind.ACKNOWLEDGE, "a".repeat(3_000));

    // when: a second long reason fits, a third would take the case past 8 KB; then a short one
    act("a2", CaseActionKind.RESOLVE, "b".repeat(3_000));
    act("a3", CaseActionKind.REOPEN, "c".repeat(3_000));
    act("a4", CaseActionKind.REOPEN, "new evidence");

    // then: the third set aside, naming the case and the cases' changelog; the short one applied
    RejectedEvent rejected = singleRejection();
    assertThat(rejected.getEventId()).isEqualTo("a3");
    assertThat(rejected.getField()).isEqualTo("case");
    assertThat(rejected.getReason())
        .startsWith("case " + CASE + " cannot be kept with action a3: ")
        .contains("cases-changelog")
        .endsWith("the case is left as it was");
    Case state = monitor.caseOf(CASE);
    assertThat(state.getStatus()).isEqualTo(CaseStatus.REOPENED);
    assertThat(state.getHistory())
        .extracting(CaseHistoryEntry::getActionId)
        .containsExactly(null, "a1", "a2", "a4");
    assertNoChangelogRecordOverTheBudget();
    assertThat(oversizeCount()).isEqualTo(1.0);
  }

  @Test
  void shouldRescreenOnceWhenAPastEventCannotRememberItsNewHitAndSetItAsideOnce() {
    // given: a payment whose entry in the events store is 4 bytes under the budget (sized from a
    // smaller probe's entry), so that remembering one more designation it matched takes it past
    monitor.send(padded("probe", "Ryugyong Commercial Bank", 6_000));
    int probe = lastEventsEntry();
    monitor.send(padded("p1", "Ryugyong Commercial Bank", 6_000 + BUDGET - 4 - probe));
    assertThat(lastEventsEntry()).isEqualTo(BUDGET - 4);
    assertThat(monitor.alerts()).isEmpty();

    // when: the bank is designated, and the rescreen runs again and again
    monitor.designate(
        Designations.entity("KPe.099", "RYUGYONG COMMERCIAL BANK", LocalDate.of(2025, 3, 1))
            .build());
    for (int i = 0; i < 5; i++) {
      monitor.advanceClock(Duration.ofSeconds(1));
    }

    // then: the probe's retroactive alert; p1's hit raised once, its alert (citing the padded
    // event) too large to write, and its entry too large to keep: each set aside once, not once
    // per rescreen
    assertThat(monitor.alerts())
        .extracting(Alert::getAlertId)
        .containsExactly("unscr-1718-designated-parties/KPe.099/probe");
    assertThat(monitor.rejected.readValuesToList())
        .extracting(RejectedEvent::getReason)
        .satisfiesExactlyInAnyOrder(
            reason -> assertThat(reason).startsWith("too large to write: ").contains("tm.alerts"),
            reason ->
                assertThat(reason)
                    .startsWith("too large to keep: ")
                    .contains("events-changelog")
                    .contains("in a punctuation of screen-parties"));
    assertNoChangelogRecordOverTheBudget();
    assertThat(oversizeCount()).isEqualTo(2.0);
  }

  private static FinancialTransfer padded(String id, String bank, int padding) {
    FinancialTransfer payment = payment(id, "2024-11-02T00:00:00Z", bank, null);
    payment.getHeader().setReferences(List.of("r".repeat(padding)));
    return payment;
  }

  /**
   * The size of the last record written to the events store's changelog (every changelog record
   * since the last look within the budget).
   */
  private int lastEventsEntry() {
    Map<String, List<Integer>> all = monitor.changelogRecordSizes();
    all.forEach((topic, bytes) -> assertThat(bytes).as(topic).allMatch(b -> b <= BUDGET));
    List<Integer> sizes =
        all.entrySet().stream()
            .filter(e -> e.getKey().endsWith("-events-changelog"))
            .findFirst()
            .orElseThrow()
            .getValue();
    return sizes.get(sizes.size() - 1);
  }

  private void act(String id, CaseActionKind kind, String reason) {
    monitor.act(
        CaseAction.newBuilder()
            .setActionId(id)
            .setCaseId(CASE)
            .setAction(kind)
            .setBy("alice")
            .setReason(reason)
            .setRequestedAt(MonitorDriver.NOW)
            .build());
  }

  private RejectedEvent singleRejection() {
    List<RejectedEvent> rejected = monitor.rejected.readValuesToList();
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).getStage()).isEqualTo(RejectionStage.PROCESSING);
    return rejected.get(0);
  }

  private CapUsage usage(String ledger) {
    Map<String, CapUsage> latest = monitor.capUsage.readKeyValuesToMap();
    latestUsage.putAll(latest);
    assertThat(latestUsage).containsKey(ledger);
    return latestUsage.get(ledger);
  }

  private final Map<String, CapUsage> latestUsage = new HashMap<>();

  private void assertNoChangelogRecordOverTheBudget() {
    Map<String, List<Integer>> sizes = monitor.changelogRecordSizes();
    assertThat(sizes).isNotEmpty();
    sizes.forEach(
        (topic, bytes) ->
            assertThat(bytes).as("record sizes on %s", topic).allMatch(b -> b <= BUDGET));
  }

  private double oversizeCount() {
    return monitor.count("tm.events.rejected", "reason", "oversize");
  }
}
