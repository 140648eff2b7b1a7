package io.transfermonitor.streams.cases;

import static io.transfermonitor.streams.cases.CaseAlerts.capLevel;
import static io.transfermonitor.streams.cases.CaseAlerts.munitions;
import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CaseDimension;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.streams.Events;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseKeyTest {

  private final Rule arms = Events.defaultRule(CaseAlerts.ARMS);

  @Test
  void shouldGroupABanByRouteDirectionAndTitleTheCaseWithIt() {
    // when
    CaseKey key = CaseKey.of(munitions("m1", "2023-09-07T00:00:00Z", 120), arms);

    // then
    assertThat(key.caseId()).isEqualTo("unscr-1718-arms-embargo/PRK/RUS");
    assertThat(key.grouping()).containsExactly("ORIGIN=PRK", "DESTINATION=RUS");
    assertThat(key.title(arms.getTitle()))
        .isEqualTo("Arms, munitions, missiles and related materiel to or from the DPRK: PRK → RUS");
  }

  @Test
  void shouldGroupACapByPeriodAndBasis() {
    // when
    CaseKey key =
        CaseKey.of(capLevel("NOTICE_75", 380_000), Events.defaultRule(Events.REFINED_CAP));

    // then
    assertThat(key.caseId()).isEqualTo("unscr-2397-refined-petroleum-cap/2024-01-01/OBSERVED");
  }

  @Test
  void shouldFollowTheRulesOwnGroupingAndMarkValuesTheAlertLacks() {
    // given
    Rule byKind =
        Rule.newBuilder(arms)
            .setGroupBy(List.of(CaseDimension.EVENT_KIND, CaseDimension.PERIOD))
            .build();
    Rule whole = Rule.newBuilder(arms).setGroupBy(List.of()).build();
    Alert alert = munitions("m1", "2023-09-07T00:00:00Z", 120);

    // then
    assertThat(CaseKey.of(alert, byKind).caseId())
        .isEqualTo("unscr-1718-arms-embargo/CONTAINER_SHIPMENT/-");
    assertThat(CaseKey.of(alert, whole).caseId()).isEqualTo("unscr-1718-arms-embargo");
  }

  @Test
  void shouldUseTheKindsDefaultWhenTheRuleIsGoneAndJoinDesignations() {
    // given
    Alert screened =
        Alert.newBuilder(munitions("p1", "2024-02-01T00:00:00Z", 1))
            .setRuleId("unscr-1718-designated-parties")
            .setRuleKind(RuleKind.SCREEN)
            .setMatchedDesignations(List.of("KPe.047", "KPe.025"))
            .build();

    // then
    assertThat(CaseKey.of(screened, null).caseId())
        .isEqualTo("unscr-1718-designated-parties/KPe.025+KPe.047");
    assertThat(CaseKey.defaultGrouping(RuleKind.DISCREPANCY)).containsExactly(CaseDimension.PERIOD);
  }
}
