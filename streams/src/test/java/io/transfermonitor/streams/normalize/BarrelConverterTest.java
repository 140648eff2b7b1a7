package io.transfermonitor.streams.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.transfermonitor.streams.config.MonitorConfig;
import org.junit.jupiter.api.Test;

class BarrelConverterTest {

  private final BarrelConverter converter =
      new BarrelConverter(
          MonitorConfig.defaults().barrelsPerTon(), MonitorConfig.defaults().barrelsPerKilolitre());

  @Test
  void shouldConvertTonsByProductType() {
    assertThat(converter.toBarrels(1_000, "METRIC_TON", "DIESEL")).isEqualTo(7_500.0);
    assertThat(converter.toBarrels(1_000, "METRIC_TON", "LPG")).isEqualTo(11_600.0);
    assertThat(converter.toBarrels(1_000, "METRIC_TON", "GASOLINE")).isEqualTo(8_500.0);
    assertThat(converter.toBarrels(1_000, "METRIC_TON", "KEROSENE")).isEqualTo(7_800.0);
    assertThat(converter.toBarrels(1_000, "METRIC_TON", "FUEL_OIL")).isEqualTo(6_700.0);
  }

  @Test
  void shouldMatchTheCrudeCapInTonsAndBarrels() {
    // UNSCR 2397 OP4: 4,000,000 bbl or 525,000 t
    assertThat(converter.toBarrels(525_000, "METRIC_TON", "CRUDE"))
        .isCloseTo(4_000_000, within(5_000.0));
  }

  @Test
  void shouldConvertVolumes() {
    assertThat(converter.toBarrels(10, "KILOLITRE", "DIESEL")).isCloseTo(62.898, within(1e-9));
    assertThat(converter.toBarrels(1_000, "LITRE", "DIESEL")).isCloseTo(6.2898, within(1e-9));
    assertThat(converter.toBarrels(42, "BARREL", "DIESEL")).isEqualTo(42.0);
  }

  @Test
  void shouldRefuseUnknownUnitsAndProductsWithoutAFactor() {
    assertThatThrownBy(() -> converter.toBarrels(1, "GALLON", "DIESEL"))
        .hasMessageContaining("unknown unit 'GALLON'");
    assertThatThrownBy(() -> converter.toBarrels(1, "METRIC_TON", "ASPHALT"))
        .hasMessageContaining("no barrels-per-ton factor for product 'ASPHALT'");
  }
}
