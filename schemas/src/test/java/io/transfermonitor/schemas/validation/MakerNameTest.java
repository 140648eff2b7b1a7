package io.transfermonitor.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MakerNameTest {

  @Test
  void shouldCompareNamesWithoutCaseAccentsPunctuationOrRepeatedSpaces() {
    assertThat(MakerName.key("Example Maker US-A, Inc."))
        .isEqualTo(MakerName.key("EXAMPLE  MAKER US A INC"))
        .isEqualTo("example maker us a inc");
    assertThat(MakerName.key("Société Générale")).isEqualTo("societe generale");
  }

  @Test
  void shouldKeepWhatTellsTwoMakersApart() {
    // a legal form is part of the name: a name written otherwise is an alias in the table
    assertThat(MakerName.key("Maker GmbH")).isNotEqualTo(MakerName.key("Maker"));
    assertThat(MakerName.key("Maker A")).isNotEqualTo(MakerName.key("Maker B"));
    assertThat(MakerName.key(" - ")).isEmpty();
    assertThat(MakerName.key(null)).isEmpty();
  }
}
