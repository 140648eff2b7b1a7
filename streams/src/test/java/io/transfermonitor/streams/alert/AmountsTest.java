package io.transfermonitor.streams.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmountsTest {

  @Test
  void shouldWriteAmountsWithTheirUnitsAsPeopleReadThem() {
    assertThat(Amounts.of(20_400, "CONTAINERS")).isEqualTo("20,400 containers");
    assertThat(Amounts.of(587.4, "METRIC_TON")).isEqualTo("587.4 t");
    assertThat(Amounts.of(1, "BATTERIES")).isEqualTo("1 battery");
    assertThat(Amounts.of(1, "UNITS")).isEqualTo("1 unit");
    assertThat(Amounts.of(1, "PERSONNEL")).isEqualTo("1 personnel");
    assertThat(Amounts.of(51_000, "BARREL")).isEqualTo("51,000 bbl");
    assertThat(Amounts.of(3, null)).isEqualTo("3");
  }
}
