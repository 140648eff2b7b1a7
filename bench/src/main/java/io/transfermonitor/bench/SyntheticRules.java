package io.transfermonitor.bench;

import io.transfermonitor.model.Basis;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.PeriodSpec;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.RuleLevel;
import io.transfermonitor.model.RuleScope;
import io.transfermonitor.model.ScopeDirection;
import io.transfermonitor.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Extra rules that grow a rule set to a given size, to measure what the number of rules costs:
 * alternately a refined-petroleum cap for deliveries to one more country and an arms ban for
 * shipments to one more country. The countries are those the workload sends a few events to, so the
 * extra rules match some events, as real additions would.
 */
public final class SyntheticRules {

  private static final String[] COUNTRIES = {
    "CHN", "IRN", "SYR", "MMR", "BLR", "VNM", "MNG", "LAO", "KHM", "UGA", "SEN", "TZA"
  };

  private SyntheticRules() {}

  /** {@code count} extra rules, ids {@code bench-cap-N} and {@code bench-ban-N}. */
  public static List<Rule> of(int count) {
    List<Rule> rules = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String country = COUNTRIES[i % COUNTRIES.length];
      rules.add(i % 2 == 0 ? cap(i, country) : ban(i, country));
    }
    return rules;
  }

  private static Rule cap(int i, String country) {
    return Rule.newBuilder()
        .setRuleId("bench-cap-" + i)
        .setKind(RuleKind.CAP)
        .setTitle("Benchmark cap: refined petroleum to " + country)
        .setLegalBasis("benchmark rule " + i)
        .setSeverity(Severity.HIGH)
        .setScope(
            new RuleScope(
                List.of(EventKind.TANKER_DELIVERY),
                List.of(ProductClass.REFINED),
                List.of(),
                List.of(country),
                ScopeDirection.TO,
                List.of(),
                false))
        .setLimit(200_000.0)
        .setUnit("BARREL")
        .setPeriod(new PeriodSpec(1, 1, 12))
        .setLevels(
            List.of(
                new RuleLevel(0.75, Severity.MEDIUM, "NOTICE_75"),
                new RuleLevel(0.9, Severity.HIGH, "NOTICE_90"),
                new RuleLevel(1.0, Severity.CRITICAL, "BREACH")))
        .setEstimatedCountsAs(Basis.OBSERVED)
        .build();
  }

  private static Rule ban(int i, String country) {
    return Rule.newBuilder()
        .setRuleId("bench-ban-" + i)
        .setKind(RuleKind.BAN)
        .setTitle("Benchmark ban: arms to " + country)
        .setLegalBasis("benchmark rule " + i)
        .setSeverity(Severity.CRITICAL)
        .setScope(
            new RuleScope(
                List.of(EventKind.ARMS_TRANSFER, EventKind.CONTAINER_SHIPMENT),
                List.of(),
                List.of(CargoCategory.MUNITIONS, CargoCategory.ARMS, CargoCategory.MISSILES),
                List.of(country),
                ScopeDirection.TO,
                List.of(),
                false))
        .setUnit("EVENTS")
        .build();
  }
}
