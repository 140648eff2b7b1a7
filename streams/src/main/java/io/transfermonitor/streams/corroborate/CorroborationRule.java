package io.transfermonitor.streams.corroborate;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.streams.fact.Detail;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.normalize.BarrelConverter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When observations are one delivery: OBSERVED tanker deliveries of the same vessel (IMO number)
 * within {@code window} of the delivery's first observation, at the same discharge port (or with
 * none given, when {@code samePort}), that agree on everything a rule scope looks at (product
 * class, origin, destination, ship-to-ship, flags). Facts this rule does not apply to (REPORTED or
 * ESTIMATED evidence, other kinds, no IMO number) count on their own.
 *
 * @param window how far after a delivery's first observation another one still belongs to it
 *     ({@code tm.corroboration.window})
 * @param samePort whether observations at two different discharge ports are two deliveries ({@code
 *     tm.corroboration.same.port})
 */
public record CorroborationRule(Duration window, boolean samePort) {

  public CorroborationRule {
    Objects.requireNonNull(window, "window");
    if (window.isNegative()) {
      throw new IllegalArgumentException("corroboration window must not be negative: " + window);
    }
  }

  /** Whether {@code fact} may be merged with other observations of its vessel. */
  public boolean applies(Fact fact) {
    return fact.kind() == EventKind.TANKER_DELIVERY
        && fact.sourceKind() == SourceKind.OBSERVED
        && fact.vesselImo() != null
        && !fact.vesselImo().isBlank();
  }

  /**
   * What observations of one vessel must share to be one delivery: every field a rule scope reads,
   * so all observations of a delivery count against the same rules.
   */
  static String identity(Fact fact) {
    return String.join(
        "|",
        String.valueOf(fact.productClass()),
        String.valueOf(fact.origin()),
        String.valueOf(fact.destination()),
        String.valueOf(fact.shipToShip()),
        String.valueOf(fact.vesselFlag()),
        String.valueOf(fact.counterpartVesselFlag()));
  }

  /**
   * {@code observation} of vessel {@code imo} as a fact again, with what the store keeps of it: the
   * fields a rule scope reads (from its {@link #identity}), its time, source, port and amount in
   * barrels; no references or parties. Empty when its identity cannot be read back.
   */
  static Optional<Fact> fact(String imo, Observation observation) {
    String[] parts = observation.identity().split("\\|", -1);
    if (parts.length != 6) {
      return Optional.empty();
    }
    ProductClass productClass;
    try {
      productClass = orNull(parts[0]) == null ? null : ProductClass.valueOf(parts[0]);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Detail.Tanker tanker =
        new Detail.Tanker(
            productClass,
            null,
            Boolean.parseBoolean(parts[3]),
            imo,
            null,
            orNull(parts[4]),
            null,
            null,
            orNull(parts[5]),
            observation.port());
    return Optional.of(
        new Fact(
            observation.eventId(),
            SourceKind.OBSERVED,
            observation.source(),
            observation.eventTime(),
            orNull(parts[1]),
            orNull(parts[2]),
            List.of(),
            List.of(),
            observation.amount(),
            BarrelConverter.BARREL,
            observation.amount(),
            BarrelConverter.BARREL,
            tanker,
            null));
  }

  private static String orNull(String part) {
    return part.equals("null") ? null : part;
  }

  /** Whether a delivery started at {@code deliveryTime} may still take {@code observation}. */
  boolean open(long deliveryTime, Observation observation) {
    return observation.eventTime() - deliveryTime <= window.toMillis();
  }

  /** Whether an observation at {@code place} may join a delivery at {@code deliveryPlace}. */
  boolean joinsPlace(String deliveryPlace, String place) {
    return !samePort || deliveryPlace == null || place == null || deliveryPlace.equals(place);
  }

  /**
   * A port as places are compared: letters only, lower case, "ph" read as "p", so the romanizations
   * of one Korean name meet (Nampho, Namp'o and Nampo); null for none.
   */
  static String place(String port) {
    return port == null
        ? null
        : port.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "").replace("ph", "p");
  }
}
