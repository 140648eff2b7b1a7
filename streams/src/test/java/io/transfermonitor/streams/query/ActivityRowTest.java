package io.transfermonitor.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.TransportMode;
import io.transfermonitor.streams.activity.ActivityCount;
import io.transfermonitor.streams.activity.ActivityTally;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

public class ActivityRowTest {

  @Test
  void shouldReadTheDimensionsOfAWeeklyCellBackFromItsKey() {
    // given a cell whose route start holds the key's separator and escape character
    String key =
        new ActivityCount(
                ActivityCount.WEEKLY,
                EventKind.CONTAINER_SHIPMENT,
                "2023-W36",
                "PRK",
                null,
                TransportMode.SEA,
                "Rajin/North 100%",
                "Tikhoretsk",
                "CONTAINERS",
                120,
                1,
                null,
                null)
            .key();

    // when
    ActivityRow row = ActivityRow.of(key, tally(2, "CONTAINERS", 270));

    // then
    assertThat(row.weekly()).isTrue();
    assertThat(row.kind()).isEqualTo("CONTAINER_SHIPMENT");
    assertThat(row.week()).isEqualTo("2023-W36");
    assertThat(row.year()).isNull();
    assertThat(row.origin()).isEqualTo("PRK");
    assertThat(row.destination()).isNull();
    assertThat(row.transportMode()).isEqualTo("SEA");
    assertThat(row.routeStart()).isEqualTo("Rajin/North 100%");
    assertThat(row.routeEnd()).isEqualTo("Tikhoretsk");
    assertThat(row.eventCount()).isEqualTo(2);
    assertThat(row.quantities()).containsExactly(Map.entry("CONTAINERS", 270.0));
  }

  @Test
  void shouldReadAYearsTotalAsNoWeeklyCell() {
    ActivityRow row =
        ActivityRow.of("TROOP_DEPLOYMENT/2024/PRK/RUS", tally(6, "PERSONNEL", 11_500));

    assertThat(row.weekly()).isFalse();
    assertThat(row.year()).isEqualTo("2024");
    assertThat(row.week()).isNull();
    assertThat(row.destination()).isEqualTo("RUS");
    assertThat(row.quantities()).containsEntry("PERSONNEL", 11_500.0);
  }

  @Test
  void shouldNameAKeyOfNeitherShape() {
    assertThatThrownBy(() -> ActivityRow.of("TROOP_DEPLOYMENT/2024", tally(1, "PERSONNEL", 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'TROOP_DEPLOYMENT/2024'");
  }

  public static ActivityTally tally(long events, String unit, double quantity) {
    return new ActivityTally(events, new TreeMap<>(Map.of(unit, quantity)), null, null);
  }
}
