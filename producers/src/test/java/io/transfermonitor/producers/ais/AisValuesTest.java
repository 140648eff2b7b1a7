package io.transfermonitor.producers.ais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AisValuesTest {

  @Test
  void shouldTurnTheNotAvailableCodesIntoNull() {
    // given the codes ITU-R M.1371 reserves for "not available", when converted, then null
    assertThat(AisValues.speed(102.3)).isNull();
    assertThat(AisValues.course(360.0)).isNull();
    assertThat(AisValues.heading(511)).isNull();
    assertThat(AisValues.navigationStatus(15)).isNull();
    assertThat(AisValues.draught(0.0)).isNull();
    assertThat(AisValues.shipType(0)).isNull();
    assertThat(AisValues.imo(0)).isNull();
    assertThat(AisValues.sum(0, 0)).isNull();
    assertThat(AisValues.text("@@@@@@@")).isNull();
    assertThat(AisValues.positionNotAvailable(91, 10)).isTrue();
    assertThat(AisValues.positionNotAvailable(10, 181)).isTrue();
    // and the values next to them are kept
    assertThat(AisValues.speed(102.2)).isEqualTo(102.2);
    assertThat(AisValues.course(359.9)).isEqualTo(359.9);
    assertThat(AisValues.heading(359)).isEqualTo(359);
    assertThat(AisValues.navigationStatus(14)).isEqualTo(14);
    assertThat(AisValues.imo(9134270)).isEqualTo("9134270");
    assertThat(AisValues.text("EVER DIADEM@@@@")).isEqualTo("EVER DIADEM");
    assertThat(AisValues.mmsi(2576189)).isEqualTo("002576189");
  }

  @Test
  void shouldRefuseValuesNoMessageCanMean() {
    // given values outside their fields' ranges, when converted, then refused naming the field
    assertThatThrownBy(() -> AisValues.heading(480)).hasMessageContaining("heading 480");
    assertThatThrownBy(() -> AisValues.course(400.0)).hasMessageContaining("course 400");
    assertThatThrownBy(() -> AisValues.checkPosition(95, 0)).hasMessageContaining("latitude 95");
    assertThatThrownBy(() -> AisValues.checkPosition(0, -190))
        .hasMessageContaining("longitude -190");
  }
}
