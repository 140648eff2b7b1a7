package io.transfermonitor.producers.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.model.CaseDimension;
import io.transfermonitor.model.PeriodSpec;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.RuleLevel;
import io.transfermonitor.testkit.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFileTest {

  @Test
  void shouldLoadTheShippedDefaultRuleSetWithALegalBasisForEachRule() {
    List<Rule> rules = RuleFile.load(ProjectFiles.of("deploy", "config", "rules.yaml"));

    assertThat(rules)
        .extracting(Rule::getRuleId)
        .containsExactly(
            "unscr-2397-refined-petroleum-cap",
            "unscr-2397-crude-oil-cap",
            "unscr-1718-arms-embargo",
            "unscr-1718-military-assistance",
            "unscr-2397-overseas-workers",
            "unscr-2375-ship-to-ship",
            "unscr-1718-designated-parties",
            "reporting-gap-refined-petroleum",
            "ais-dark-period-dprk-waters",
            "ais-identity-anomaly-dprk-waters",
            "dprk-weapon-components");
    assertThat(rules.get(10).getInForceFrom()).isEqualTo("2017-12-22");
    assertThat(rules).allSatisfy(r -> assertThat(r.getLegalBasis()).startsWith("UNSCR"));
    Rule refined = rules.get(0);
    assertThat(refined.getLimit()).isEqualTo(500_000.0);
    assertThat(refined.getLevels())
        .extracting(RuleLevel::getThreshold)
        .containsExactly(0.75, 0.90, 0.95, 1.00);
    assertThat(refined.getLevels())
        .extracting(RuleLevel::getLabel)
        .containsExactly("NOTICE_75", "NOTICE_90", "CEASE_SUPPLY_95", "BREACH");
    assertThat(rules.get(1).getPeriod()).isEqualTo(new PeriodSpec(12, 22, 12));
    assertThat(rules.get(1).getLimit()).isEqualTo(4_000_000.0);
    assertThat(rules.get(3).getLevels())
        .extracting(RuleLevel::getThreshold)
        .containsExactly(1_000.0, 10_000.0);
    assertThat(rules.get(6).getKind()).isEqualTo(RuleKind.SCREEN);
    assertThat(rules.get(6).getDesignationLists()).containsExactly("DPRK");
    assertThat(rules.get(7).getKind()).isEqualTo(RuleKind.DISCREPANCY);
  }

  @Test
  void shouldRefuseDesignationListsOnARuleThatIsNotScreen() {
    String yaml =
        """
        rules:
          - ruleId: my-ban
            kind: BAN
            title: t
            legalBasis: l
            severity: HIGH
            scope: {}
            designationLists: [DPRK]
        """;

    assertThatThrownBy(() -> RuleFile.parse(yaml, "r.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "r.yaml: rule 'my-ban': field 'designationLists': only a SCREEN rule screens against"
                + " designation lists");
  }

  @Test
  void shouldNameTheRuleAndFieldOfAWrongType() {
    String yaml =
        """
        rules:
          - ruleId: my-cap
            kind: CAP
            title: t
            legalBasis: l
            severity: HIGH
            scope: {}
            limit: lots
            levels: [{threshold: 1.0, severity: HIGH, label: BREACH}]
        """;
    assertThatThrownBy(() -> RuleFile.parse(yaml, "rules.yaml"))
        .hasMessage("rules.yaml: rule 'my-cap': field 'limit': expected a number, got \"lots\"");
  }

  @Test
  void shouldRejectUnknownFieldsEnumsAndLevelsOutOfOrder() {
    String typo =
        """
        rules:
          - {ruleId: a, kind: BAN, title: t, legalBasis: l, severity: HIGH, scope: {}, limt: 5}
        """;
    assertThatThrownBy(() -> RuleFile.parse(typo, "f"))
        .hasMessageContaining("rule 'a': field 'limt': unknown field");
    String badEnum =
        """
        rules:
          - {ruleId: b, kind: BAN, title: t, legalBasis: l, severity: HIGH,
             scope: {eventKinds: [TANKER]}}
        """;
    assertThatThrownBy(() -> RuleFile.parse(badEnum, "f"))
        .hasMessageContaining("rule 'b': field 'scope.eventKinds': unknown value 'TANKER'");
    String order =
        """
        rules:
          - ruleId: c
            kind: CAP
            title: t
            legalBasis: l
            severity: HIGH
            scope: {}
            limit: 10
            levels:
              - {threshold: 0.9, severity: HIGH, label: A}
              - {threshold: 0.5, severity: HIGH, label: B}
        """;
    assertThatThrownBy(() -> RuleFile.parse(order, "f"))
        .hasMessageContaining("rule 'c': field 'levels': thresholds must be ascending");
  }

  @Test
  void shouldRequireALimitOnCapsAndUniqueIds() {
    String noLimit =
        """
        rules:
          - {ruleId: d, kind: CAP, title: t, legalBasis: l, severity: HIGH, scope: {},
             levels: [{threshold: 1.0, severity: HIGH, label: X}]}
        """;
    assertThatThrownBy(() -> RuleFile.parse(noLimit, "f"))
        .hasMessageContaining("rule 'd': field 'limit': a CAP rule needs a positive limit");
    String twice =
        """
        rules:
          - {ruleId: e, kind: BAN, title: t, legalBasis: l, severity: HIGH, scope: {}}
          - {ruleId: e, kind: BAN, title: t, legalBasis: l, severity: HIGH, scope: {}}
        """;
    assertThatThrownBy(() -> RuleFile.parse(twice, "f"))
        .hasMessageContaining("rule 'e': ruleId is used twice");
  }

  @Test
  void shouldReadACaseGroupingAndLeaveItUnsetForTheKindsDefault() {
    String yaml =
        """
        rules:
          - {ruleId: f, kind: BAN, title: t, legalBasis: l, severity: HIGH, scope: {},
             groupBy: [origin, DESTINATION, EVENT_KIND]}
          - {ruleId: g, kind: BAN, title: t, legalBasis: l, severity: HIGH, scope: {}}
          - {ruleId: h, kind: BAN, title: t, legalBasis: l, severity: HIGH, scope: {}, groupBy: []}
        """;

    List<Rule> rules = RuleFile.parse(yaml, "f");

    assertThat(rules.get(0).getGroupBy())
        .containsExactly(CaseDimension.ORIGIN, CaseDimension.DESTINATION, CaseDimension.EVENT_KIND);
    assertThat(rules.get(1).getGroupBy()).isNull();
    assertThat(rules.get(2).getGroupBy()).isEmpty();
  }

  @Test
  void shouldNameAnUnknownOrRepeatedGroupingDimension() {
    String unknown =
        """
        rules:
          - {ruleId: i, kind: BAN, title: t, legalBasis: l, severity: HIGH, scope: {},
             groupBy: [ROUTE]}
        """;
    assertThatThrownBy(() -> RuleFile.parse(unknown, "f"))
        .hasMessageContaining("rule 'i': field 'groupBy': unknown value 'ROUTE' (expected one of");
    String twice =
        """
        rules:
          - {ruleId: j, kind: CAP, title: t, legalBasis: l, severity: HIGH, scope: {}, limit: 1,
             levels: [{threshold: 1.0, severity: HIGH, label: X}], groupBy: [PERIOD, PERIOD]}
        """;
    assertThatThrownBy(() -> RuleFile.parse(twice, "f"))
        .hasMessageContaining("rule 'j': field 'groupBy': PERIOD is named twice");
  }

  @Test
  void shouldSayThatAnInfiniteLevelIsNoNumberALevelAccepts() {
    // given: YAML's own spelling of infinity as a threshold
    String yaml =
        """
        rules:
          - {ruleId: k, kind: CAP, title: t, legalBasis: l, severity: HIGH, scope: {}, limit: 1,
             levels: [{threshold: .inf, severity: HIGH, label: X}]}
        """;

    // then: the rule and the field named, and why, not "not valid YAML"
    assertThatThrownBy(() -> RuleFile.parse(yaml, "f"))
        .hasMessageContaining("rule 'k': field 'levels[0].threshold'")
        .hasMessageContaining(".inf is not a number a threshold accepts")
        .hasMessageNotContaining("not valid YAML");
  }

  @Test
  void shouldSayThatABinaryFileIsNoUtf8Text(@TempDir Path dir) throws Exception {
    // given: the first bytes of a gzip file
    Path binary = dir.resolve("rules.yaml.gz");
    Files.write(binary, new byte[] {0x1f, (byte) 0x8b, 0x08, 0x00, (byte) 0xff, (byte) 0xfe});

    // then
    assertThatThrownBy(() -> RuleFile.load(binary))
        .hasMessageContaining(binary.toString())
        .hasMessageContaining("not UTF-8 text")
        .hasMessageContaining("at byte offset 1: 0x8b")
        .hasMessageNotContaining("Input length");
  }
}
