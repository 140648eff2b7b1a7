package io.transfermonitor.streams.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Designation;
import io.transfermonitor.model.MatchMethod;
import io.transfermonitor.model.Rule;
import io.transfermonitor.streams.Designations;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.screen.DesignationMatch;
import io.transfermonitor.streams.screen.ScreeningHit;
import java.util.List;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScreenRuleMatcherTest {

  private static final String SCREEN = "unscr-1718-designated-parties";

  private final MockProcessorContext<String, ScreenMatch> context = new MockProcessorContext<>();
  private final ScreenRuleMatcher matcher = new ScreenRuleMatcher("rules");
  private KeyValueStore<String, Rule> rules;

  @BeforeEach
  void init() {
    rules = RuleStages.shippedRules(context);
    matcher.init(context);
  }

  @Test
  void shouldCoverAHitOnADprkDesignationWithThe1718RuleKeepingTheEventKey() {
    // when
    matcher.process(new Record<>("p1", hit(Designations.foreignTradeBank()), 7));

    // then
    assertThat(context.forwarded())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.record().key()).isEqualTo("p1");
              assertThat(f.record().value().rule().getRuleId()).isEqualTo(SCREEN);
              assertThat(f.record().value().hit().designationId()).isEqualTo("KPe.047");
            });
  }

  @Test
  void shouldNotCoverAHitOnAnotherListOrWithTheRuleDisabled() {
    // given
    ScreeningHit alQaida = hit(Designations.lowAliasIndividual());

    // when
    matcher.process(new Record<>("p1", alQaida, 7));
    rules.put(SCREEN, Rule.newBuilder(rules.get(SCREEN)).setEnabled(false).build());
    matcher.process(new Record<>("p2", hit(Designations.foreignTradeBank()), 7));

    // then
    assertThat(context.forwarded()).isEmpty();
  }

  @Test
  void shouldCoverEveryListWhenTheRuleNamesNone() {
    // given
    rules.put(SCREEN, Rule.newBuilder(rules.get(SCREEN)).setDesignationLists(List.of()).build());

    // when
    matcher.process(new Record<>("p1", hit(Designations.lowAliasIndividual()), 7));

    // then
    assertThat(context.forwarded()).hasSize(1);
  }

  @Test
  void shouldCoverADesignationUnderSeveralProgramsWithARuleNamingOneOfThem() {
    // given: a rule naming OFAC's NPWMD program, an SDN vessel under DPRK3 and NPWMD, and an SDN
    // entity under DPRK3 only
    rules.put(
        SCREEN, Rule.newBuilder(rules.get(SCREEN)).setDesignationLists(List.of("NPWMD")).build());
    Designation vessel =
        Designation.newBuilder(Designations.foreignTradeBank())
            .setDesignationId("SDN-990002")
            .setRegime("DPRK3; NPWMD")
            .setSource("OFAC SDN List")
            .build();
    Designation bank =
        Designation.newBuilder(vessel).setDesignationId("SDN-990001").setRegime("DPRK3").build();

    // when
    matcher.process(new Record<>("p1", hit(vessel), 7));
    matcher.process(new Record<>("p2", hit(bank), 7));

    // then
    assertThat(context.forwarded())
        .singleElement()
        .satisfies(
            f -> assertThat(f.record().value().hit().designationId()).isEqualTo("SDN-990002"));
  }

  private static ScreeningHit hit(Designation designation) {
    Fact payment = Fact.of(Events.payment("p1", "2024-02-14T00:00:00Z", "Some Bank", null));
    return new ScreeningHit(
        payment,
        payment.parties().get(1),
        new DesignationMatch(designation, MatchMethod.NAME, 1.0, designation.getName()),
        false,
        42);
  }
}
