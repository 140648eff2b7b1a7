package io.transfermonitor.streams.ais;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MidTest {

  @Test
  void shouldNameTheCountryOfAShipsMid() {
    // then the MIDs the reports meet name their countries
    assertThat(Mid.country("445123456")).contains("PRK");
    assertThat(Mid.country("273345000")).contains("RUS");
    assertThat(Mid.country("412000001")).contains("CHN");
    assertThat(Mid.country("413000001")).contains("CHN");
    assertThat(Mid.country("414000001")).contains("CHN");
    assertThat(Mid.country("440000001")).contains("KOR");
    assertThat(Mid.country("441000001")).contains("KOR");
    assertThat(Mid.country("431000001")).contains("JPN");
    assertThat(Mid.country("432000001")).contains("JPN");
    assertThat(Mid.country("457000001")).contains("MNG");
    assertThat(Mid.country("352000001")).contains("PAN");
    assertThat(Mid.country("477000001")).contains("HKG");
  }

  @Test
  void shouldFindTheMidWhereOtherStationsCarryIt() {
    // then a coast station, a SAR aircraft, an aid to navigation and a handheld are placed too
    assertThat(Mid.country("004450001")).contains("PRK");
    assertThat(Mid.country("111273001")).contains("RUS");
    assertThat(Mid.country("994121234")).contains("CHN");
    assertThat(Mid.country("844512345")).contains("PRK");
  }

  @Test
  void shouldKnowNoCountryForAnUnallocatedMidOrNoMmsi() {
    assertThat(Mid.country("200000000")).isEmpty();
    assertThat(Mid.country("44512345")).isEmpty();
    assertThat(Mid.country("NAMPO1234")).isEmpty();
    assertThat(Mid.country(null)).isEmpty();
  }

  @Test
  void shouldReportAnMmsiWhoseCountryIsNotTheRegistersFlag() {
    // given a vessel sending a Mongolian MMSI that the register says is DPRK-flagged
    // then the MID disagrees with the flag, and an anomaly says so; a matching flag is no anomaly
    assertThat(IdentityAnomaly.flagMismatch("457123456", "PRK", 1_000L))
        .hasValueSatisfying(
            a -> {
              assertThat(a.kind()).isEqualTo(IdentityAnomaly.Kind.FLAG_MISMATCH);
              assertThat(a.detail()).contains("MNG").contains("PRK");
              assertThat(a.id()).isEqualTo("457123456/flag-mismatch/1000");
            });
    assertThat(Mid.disagrees("445123456", "PRK")).isFalse();
    assertThat(Mid.disagrees("445123456", null)).isFalse();
    assertThat(Mid.disagrees("200000000", "PRK")).isFalse();
  }
}
