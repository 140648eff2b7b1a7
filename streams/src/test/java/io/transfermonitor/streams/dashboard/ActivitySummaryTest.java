package io.transfermonitor.streams.dashboard;

import static io.transfermonitor.streams.query.ActivityRowTest.tally;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.TransportMode;
import io.transfermonitor.streams.activity.ActivityCount;
import io.transfermonitor.streams.dashboard.ActivitySummary.WeekTotals;
import io.transfermonitor.streams.dashboard.ActivitySummary.YearTotal;
import io.transfermonitor.streams.query.ActivityRow;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivitySummaryTest {

  @Test
  void shouldSumAWeeksCellsPerKindAndKeepTheQuietWeeksBetween() {
    // given two container cells in the last week of 2023 (two routes) and arms in 2024's second
    List<ActivityRow> rows =
        List.of(
            weekly(EventKind.CONTAINER_SHIPMENT, "2023-W52", "Rajin", 1, "CONTAINERS", 120),
            weekly(EventKind.CONTAINER_SHIPMENT, "2023-W52", "Nampo", 2, "CONTAINERS", 300),
            weekly(EventKind.ARMS_TRANSFER, "2024-W02", "Rajin", 1, "ROUNDS", 450_000));

    // when
    ActivitySummary summary = ActivitySummary.of(rows, null);

    // then every week from the first to the last, across the year's end, the quiet one at zero
    assertThat(summary.kinds()).containsExactly("ARMS_TRANSFER", "CONTAINER_SHIPMENT");
    assertThat(summary.weeks())
        .extracting(WeekTotals::week, WeekTotals::monday)
        .containsExactly(
            tuple("2023-W52", "2023-12-25"),
            tuple("2024-W01", "2024-01-01"),
            tuple("2024-W02", "2024-01-08"));
    WeekTotals last = summary.weeks().get(0);
    assertThat(last.events())
        .containsExactly(entry("ARMS_TRANSFER", 0L), entry("CONTAINER_SHIPMENT", 3L));
    assertThat(last.quantities().get("CONTAINER_SHIPMENT")).containsEntry("CONTAINERS", 420.0);
    assertThat(summary.weeks().get(1).events().values()).containsOnly(0L);
    assertThat(summary.weeks().get(2).quantities().get("ARMS_TRANSFER"))
        .containsEntry("ROUNDS", 450_000.0);
    assertThat(summary.cells()).hasSize(3);
  }

  @Test
  void shouldAddUpEachYearsTroopsAndWhatAllYearsUpToItAddUpTo() {
    // given troops of 2024 in two rows (by destination) and of 2025
    List<ActivityRow> rows =
        List.of(
            ActivityRow.of("TROOP_DEPLOYMENT/2024/PRK/RUS", tally(6, "PERSONNEL", 11_500)),
            ActivityRow.of("TROOP_DEPLOYMENT/2024/PRK/-", tally(1, "PERSONNEL", 500)),
            ActivityRow.of("TROOP_DEPLOYMENT/2025/PRK/RUS", tally(3, "PERSONNEL", 3_200)),
            ActivityRow.of("WORKER_DISPATCH/2024/PRK/RUS", tally(16, "WORKERS", 8_000)));

    // when
    List<YearTotal> yearly = ActivitySummary.of(rows, null).yearly();

    // then
    assertThat(yearly)
        .extracting(YearTotal::kind, YearTotal::year, YearTotal::events)
        .containsExactly(
            tuple("TROOP_DEPLOYMENT", "2024", 7L),
            tuple("TROOP_DEPLOYMENT", "2025", 3L),
            tuple("WORKER_DISPATCH", "2024", 16L));
    assertThat(yearly.get(0).quantities()).containsEntry("PERSONNEL", 12_000.0);
    assertThat(yearly.get(1).quantities()).containsEntry("PERSONNEL", 3_200.0);
    assertThat(yearly.get(1).cumulative()).containsEntry("PERSONNEL", 15_200.0);
    assertThat(yearly.get(2).cumulative()).containsEntry("WORKERS", 8_000.0);
    assertThat(ActivitySummary.of(rows, null).weeks()).isEmpty();
  }

  @Test
  void shouldKeepOnlyTheKindAskedFor() {
    List<ActivityRow> rows =
        List.of(
            weekly(EventKind.CONTAINER_SHIPMENT, "2024-W10", "Rajin", 1, "CONTAINERS", 120),
            weekly(EventKind.ARMS_TRANSFER, "2024-W12", "Rajin", 1, "ROUNDS", 450_000),
            ActivityRow.of("TROOP_DEPLOYMENT/2024/PRK/RUS", tally(6, "PERSONNEL", 11_500)));

    ActivitySummary containers = ActivitySummary.of(rows, "CONTAINER_SHIPMENT");

    assertThat(containers.kinds()).containsExactly("CONTAINER_SHIPMENT");
    assertThat(containers.weeks())
        .singleElement()
        .satisfies(w -> assertThat(w.week()).isEqualTo("2024-W10"));
    assertThat(containers.yearly()).isEmpty();
  }

  @Test
  void shouldFindTheMondayOfAnIsoWeek() {
    assertThat(ActivitySummary.monday("2025-W01")).isEqualTo(LocalDate.of(2024, 12, 30));
    assertThat(ActivitySummary.monday("2020-W53")).isEqualTo(LocalDate.of(2020, 12, 28));
    assertThat(ActivitySummary.monday("2024-W11")).isEqualTo(LocalDate.of(2024, 3, 11));
  }

  private static ActivityRow weekly(
      EventKind kind, String week, String routeStart, long events, String unit, double quantity) {
    String key =
        new ActivityCount(
                ActivityCount.WEEKLY,
                kind,
                week,
                "PRK",
                "RUS",
                TransportMode.SEA,
                routeStart,
                "Tikhoretsk",
                unit,
                quantity,
                events,
                null,
                null)
            .key();
    return ActivityRow.of(key, tally(events, unit, quantity));
  }

  private static <K, V> Map.Entry<K, V> entry(K key, V value) {
    return Map.entry(key, value);
  }
}
