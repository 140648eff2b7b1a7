package io.transfermonitor.streams.match;

import io.transfermonitor.model.Basis;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleScope;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.streams.fact.Detail;
import io.transfermonitor.streams.fact.Fact;
import java.util.List;

/**
 * Decides whether a rule applies to a fact, by the rule's {@link RuleScope}. Empty lists mean
 * "any"; every non-empty condition must hold. Conditions about one event kind apply to that kind
 * only: {@code productClasses} and {@code shipToShipOnly} to tanker deliveries, {@code
 * cargoCategories} to container shipments, {@code vesselActivities} to vessel activities, so one
 * arms-embargo scope can cover arms transfers and munitions containers alike.
 */
public final class RuleMatcher {

  private RuleMatcher() {}

  public static boolean matches(Rule rule, Fact fact) {
    if (!rule.getEnabled()) {
      return false;
    }
    RuleScope scope = rule.getScope();
    if (!scope.getEventKinds().isEmpty() && !scope.getEventKinds().contains(fact.kind())) {
      return false;
    }
    if (fact.kind() == EventKind.TANKER_DELIVERY
        && !scope.getProductClasses().isEmpty()
        && !scope.getProductClasses().contains(fact.productClass())) {
      return false;
    }
    if (fact.kind() == EventKind.CONTAINER_SHIPMENT
        && !scope.getCargoCategories().isEmpty()
        && !scope.getCargoCategories().contains(fact.cargoCategory())) {
      return false;
    }
    if (fact.detail() instanceof Detail.Vessel vessel
        && !scope.getVesselActivities().isEmpty()
        && !scope.getVesselActivities().contains(vessel.activity())) {
      return false;
    }
    List<String> countries = scope.getCountries();
    if (scope.getShipToShipOnly()) {
      // the countries name the flag of either vessel, or the route: a transfer in the DPRK's
      // waters (an AIS encounter with a vessel dark there) is one to the DPRK whatever the flags
      return fact.kind() == EventKind.TANKER_DELIVERY
          && fact.shipToShip()
          && (countries.isEmpty()
              || countries.contains(fact.vesselFlag())
              || countries.contains(fact.counterpartVesselFlag())
              || countries.contains(fact.origin())
              || countries.contains(fact.destination()));
    }
    if (countries.isEmpty()) {
      return true;
    }
    boolean to = countries.contains(fact.destination());
    boolean from = countries.contains(fact.origin());
    return switch (scope.getDirection()) {
      case TO -> to;
      case FROM -> from;
      case EITHER -> to || from;
    };
  }

  /**
   * The total a fact counts in: ESTIMATED evidence counts as the rule says (OBSERVED by default).
   */
  public static Basis basisOf(Rule rule, SourceKind sourceKind) {
    return switch (sourceKind) {
      case REPORTED -> Basis.REPORTED;
      case OBSERVED -> Basis.OBSERVED;
      case ESTIMATED ->
          rule.getEstimatedCountsAs() == null ? Basis.OBSERVED : rule.getEstimatedCountsAs();
    };
  }
}
