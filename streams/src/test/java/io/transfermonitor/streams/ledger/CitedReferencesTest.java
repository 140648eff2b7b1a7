package io.transfermonitor.streams.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a ledger cites of its last event's references: the first ones, and how many were left. */
class CitedReferencesTest {

  @Test
  void shouldKeepAFewReferencesAsTheyAre() {
    List<String> few = List.of("MSMT report 2025", "OSINT sighting 17");

    assertThat(CitedReferences.of(few)).isEqualTo(few);
  }

  @Test
  void shouldCiteTheFirstReferencesWithinTheSizeAndSayHowManyAreLeftOut() {
    // given: 300 references of 2,000 characters, 600 KB in all
    List<String> many = Collections.nCopies(300, "r".repeat(2_000));

    // when
    List<String> cited = CitedReferences.of(many);

    // then: 8 of them (16,000 characters) and a note of the other 292
    assertThat(cited).hasSize(9);
    assertThat(cited.subList(0, 8)).allSatisfy(r -> assertThat(r).hasSize(2_000));
    assertThat(cited.get(8)).isEqualTo("... 292 more references of the event not shown here");
  }

  @Test
  void shouldCiteAtMostAHundredShortReferences() {
    List<String> cited = CitedReferences.of(Collections.nCopies(1_000, "r"));

    assertThat(cited).hasSize(101).last().asString().contains("900 more");
  }
}
