package io.transfermonitor.streams.screen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneticKeyTest {

  @Test
  void shouldHearNamesWrittenDifferentlyAlikeButNotLongNamesThatOnlyBeginAlike() {
    // then
    assertThat(PhoneticKey.alike(PhoneticKey.of("jurgen"), PhoneticKey.of("juergen"))).isTrue();
    assertThat(PhoneticKey.alike(PhoneticKey.of("nasir"), PhoneticKey.of("nasser"))).isTrue();
    assertThat(PhoneticKey.alike(PhoneticKey.of("abdelkader"), PhoneticKey.of("abdelmalek")))
        .isFalse();
    assertThat(PhoneticKey.of("kim")).isEmpty();
    assertThat(PhoneticKey.of("1718")).isEmpty();
  }
}
