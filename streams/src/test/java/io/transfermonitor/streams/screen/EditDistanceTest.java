package io.transfermonitor.streams.screen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

  @Test
  void shouldCountInsertionsDeletionsChangesAndSwapsUpToTheCap() {
    // then
    assertThat(EditDistance.between("wessel", "wesel", 2)).isEqualTo(1);
    assertThat(EditDistance.between("foriegn", "foreign", 2)).isEqualTo(1);
    assertThat(EditDistance.between("daedong", "daesong", 2)).isEqualTo(1);
    assertThat(EditDistance.between("southern", "northern", 2)).isEqualTo(2);
    assertThat(EditDistance.between("abdelkader", "abdelmalek", 2)).isEqualTo(3);
    assertThat(EditDistance.between("kim", "kimberley", 2)).isEqualTo(3);
  }
}
