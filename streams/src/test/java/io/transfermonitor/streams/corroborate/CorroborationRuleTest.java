package io.transfermonitor.streams.corroborate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorroborationRuleTest {

  @Test
  void theRomanizationsOfOnePortAreOnePlace() {
    assertThat(CorroborationRule.place("Nampho")).isEqualTo("nampo");
    assertThat(CorroborationRule.place("Namp'o")).isEqualTo("nampo");
    assertThat(CorroborationRule.place("NAMPO 2")).isEqualTo("nampo");
    assertThat(CorroborationRule.place("Süd-Hafen")).isEqualTo("südhafen");
    assertThat(CorroborationRule.place(null)).isNull();
  }
}
