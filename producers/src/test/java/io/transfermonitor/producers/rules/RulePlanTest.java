package io.transfermonitor.producers.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Rule;
import io.transfermonitor.testkit.ProjectFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulePlanTest {

  private static final String CAP = "unscr-2397-refined-petroleum-cap";
  private final List<Rule> shipped =
      RuleFile.load(ProjectFiles.of("deploy", "config", "rules.yaml"));

  @Test
  void shouldNameTheOldIdOfARenamedRuleAsLiveButNotInTheFile() {
    // given: the topic holds the shipped rules; the file renames the petroleum cap
    Map<String, Rule> held = byId(shipped);
    List<Rule> file =
        shipped.stream()
            .map(r -> r.getRuleId().equals(CAP) ? copy(r).setRuleId("petroleum").build() : r)
            .toList();

    // when
    RulePlan plan = RulePlan.of(held, file);

    // then
    assertThat(plan.added()).extracting(Rule::getRuleId).containsExactly("petroleum");
    assertThat(plan.absentIds()).containsExactly(CAP);
    assertThat(plan.changed()).isEmpty();
    assertThat(plan.unchanged()).hasSize(shipped.size() - 1);
    assertThat(plan.writes()).extracting(Rule::getRuleId).containsExactly("petroleum");
  }

  @Test
  void shouldNameTheFieldsAChangedRuleDiffersIn() {
    // given
    Map<String, Rule> held = byId(shipped);
    List<Rule> file =
        shipped.stream()
            .map(
                r ->
                    r.getRuleId().equals(CAP)
                        ? copy(r).setLimit(400_000.0).setEnabled(false).build()
                        : r)
            .toList();

    // when
    RulePlan plan = RulePlan.of(held, file);

    // then
    assertThat(plan.changed())
        .singleElement()
        .satisfies(c -> assertThat(c.fields()).containsExactly("enabled", "limit"));
    assertThat(plan.added()).isEmpty();
    assertThat(plan.absent()).isEmpty();
  }

  private static Rule.Builder copy(Rule rule) {
    return Rule.newBuilder(rule);
  }

  private static Map<String, Rule> byId(List<Rule> rules) {
    Map<String, Rule> byId = new LinkedHashMap<>();
    rules.forEach(r -> byId.put(r.getRuleId(), r));
    return byId;
  }
}
