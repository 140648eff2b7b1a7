package io.transfermonitor.streams.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Basis;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.fact.Fact;
import org.junit.jupiter.api.Test;

class RuleMatcherTest {

  private final Rule refinedCap = Events.defaultRule(Events.REFINED_CAP);
  private final Rule arms = Events.defaultRule("unscr-1718-arms-embargo");
  private final Rule workers = Events.defaultRule("unscr-2397-overseas-workers");

  @Test
  void shouldMatchRefinedDeliveriesToPrkButNotCrudeOrOtherDestinations() {
    assertThat(
            RuleMatcher.matches(
                refinedCap, Fact.of(Events.refined("r", "2024-01-01T00:00:00Z", 1))))
        .isTrue();
    assertThat(
            RuleMatcher.matches(
                refinedCap,
                Fact.of(
                    Events.tanker(
                        "c",
                        SourceKind.OBSERVED,
                        "2024-01-01T00:00:00Z",
                        ProductClass.CRUDE,
                        "CRUDE",
                        1,
                        "BARREL"))))
        .isFalse();
    var toChina = Events.refined("cn", "2024-01-01T00:00:00Z", 1);
    toChina.getHeader().setDestination("CHN");
    assertThat(RuleMatcher.matches(refinedCap, Fact.of(toChina))).isFalse();
  }

  @Test
  void shouldApplyCargoCategoriesToContainerShipmentsOnly() {
    assertThat(
            RuleMatcher.matches(
                arms, Fact.of(Events.arms("a", "2024-01-01T00:00:00Z", "RUS", "PRK"))))
        .isTrue();
    assertThat(
            RuleMatcher.matches(
                arms,
                Fact.of(Events.containers("m", "2024-01-01T00:00:00Z", CargoCategory.MISSILES, 1))))
        .isTrue();
    assertThat(
            RuleMatcher.matches(
                arms,
                Fact.of(Events.containers("f", "2024-01-01T00:00:00Z", CargoCategory.FOOD, 1))))
        .isFalse();
  }

  @Test
  void shouldHonourDirectionAndTheEnabledFlag() {
    var intoPrk = Events.workers("in", "2024-01-01T00:00:00Z", 5);
    intoPrk.getHeader().setOrigin("CHN");
    intoPrk.getHeader().setDestination("PRK");
    assertThat(RuleMatcher.matches(workers, Fact.of(intoPrk))).isFalse();
    assertThat(
            RuleMatcher.matches(workers, Fact.of(Events.workers("out", "2024-01-01T00:00:00Z", 5))))
        .isTrue();
    Rule disabled = Rule.newBuilder(workers).setEnabled(false).build();
    assertThat(
            RuleMatcher.matches(
                disabled, Fact.of(Events.workers("out", "2024-01-01T00:00:00Z", 5))))
        .isFalse();
  }

  @Test
  void shouldJudgeAShipToShipTransferByEitherFlagOrByItsRoute() {
    Rule sts = Events.defaultRule("unscr-2375-ship-to-ship");
    var inDprkWaters = Events.refined("s", "2024-01-01T00:00:00Z", 0);
    inDprkWaters.setShipToShip(true);
    inDprkWaters.setVesselFlag("PAN");
    inDprkWaters.setCounterpartVesselFlag("CHN");
    inDprkWaters.getHeader().setOrigin(null);
    inDprkWaters.getHeader().setDestination("PRK");
    assertThat(RuleMatcher.matches(sts, Fact.of(inDprkWaters))).isTrue();
    inDprkWaters.getHeader().setDestination(null);
    assertThat(RuleMatcher.matches(sts, Fact.of(inDprkWaters))).isFalse();
    inDprkWaters.setCounterpartVesselFlag("PRK");
    assertThat(RuleMatcher.matches(sts, Fact.of(inDprkWaters))).isTrue();
  }

  @Test
  void shouldCountEstimatesAsTheRuleSays() {
    assertThat(RuleMatcher.basisOf(refinedCap, SourceKind.ESTIMATED)).isEqualTo(Basis.OBSERVED);
    Rule strict = Rule.newBuilder(refinedCap).setEstimatedCountsAs(Basis.REPORTED).build();
    assertThat(RuleMatcher.basisOf(strict, SourceKind.ESTIMATED)).isEqualTo(Basis.REPORTED);
    assertThat(RuleMatcher.basisOf(strict, SourceKind.OBSERVED)).isEqualTo(Basis.OBSERVED);
  }
}
