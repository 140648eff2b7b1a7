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
import java.util.regex.Pattern;

/**
 * When observations are one delivery: OBSERVED tanker deliveries of the same vessel (IMO number)
 * within {@code window} of the delivery's first observation, at the same discharge port (or with
 * none given, when {@code samePort}), that agree on everything a rule scope looks at (product
 * class, origin, destination, ship-to-ship, flags). Facts this rule does not apply to (REPORTED or
 * ESTIMATED evidence, other kinds, no IMO number) count on their own.
 *
 * <p>A ship-to-ship transfer is filed under the lower IMO number of its two vessels, whichever a
 * source names first. A <b>sighting</b> of one ({@link #sighting}: ship-to-ship, no origin, no
 * quantity, as the monitor's own AIS encounters are) is evidence of a delivery rather than a count
 * of one: it joins the delivery of an observation of the same vessel that names a route and a
 * quantity, within {@code window} of it (before or after), agreeing on what the sighting names
 * (product class, destination when it has one; flags are not compared, a register and a source may
 * differ on them); that delivery counts as its own observations say. Only a sighting no such
 * observation is near counts on its own, with the sightings of its identity near it.
 *
 * @param window how far after a delivery's first observation another one still belongs to it
 *     ({@code tm.corroboration.window})
 * @param samePort whether observations at two different discharge ports are two deliveries ({@code
 *     tm.corroboration.same.port})
 */
public record CorroborationRule(Duration window, boolean samePort) {

  /** What {@link #place} drops, compiled once (it is read once per observation). */
  private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}]");

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
        && vesselOf(fact) != null;
  }

  /**
   * The IMO number {@code fact} is corroborated under: its vessel's, for a ship-to-ship transfer
   * the lower of its two vessels' (as strings compare), so two sources naming them in either order
   * meet; null when it names none.
   */
  public static String vesselOf(Fact fact) {
    String vessel = imo(fact.vesselImo());
    if (!fact.shipToShip()) {
      return vessel;
    }
    String counterpart = imo(fact.counterpartVesselImo());
    if (vessel == null || counterpart == null) {
      return vessel != null ? vessel : counterpart;
    }
    return vessel.compareTo(counterpart) <= 0 ? vessel : counterpart;
  }

  private static String imo(String imo) {
    return imo == null || imo.isBlank() ? null : imo;
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
      productClass = value(parts[0]) == null ? null : ProductClass.valueOf(parts[0]);
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
            value(parts[4]),
            null,
            null,
            value(parts[5]),
            observation.port());
    return Optional.of(
        new Fact(
            observation.eventId(),
            SourceKind.OBSERVED,
            observation.source(),
            observation.eventTime(),
            value(parts[1]),
            value(parts[2]),
            List.of(),
            List.of(),
            observation.amount(),
            BarrelConverter.BARREL,
            observation.amount(),
            BarrelConverter.BARREL,
            tanker,
            null));
  }

  /**
   * The observations an arrival of {@code identity} is grouped with, named by what they share: for
   * a ship-to-ship transfer its product class (so sightings meet the transfers they may join,
   * whatever route these name), for anything else the whole identity.
   */
  static String group(String identity) {
    String[] part = parts(identity);
    return Boolean.parseBoolean(part[3]) ? part[0] + "|ship-to-ship" : identity;
  }

  /** Whether {@code identity} is that of a ship-to-ship transfer. */
  static boolean shipToShip(String identity) {
    return Boolean.parseBoolean(parts(identity)[3]);
  }

  /**
   * Whether {@code o} is a sighting of a ship-to-ship transfer rather than a count of one: it names
   * no origin and no quantity (the monitor's AIS encounters: who supplied whom, and what, is not in
   * the positions).
   */
  static boolean sighting(Observation o) {
    String[] part = parts(o.identity());
    return Boolean.parseBoolean(part[3]) && part[1].equals("null") && o.amount() == 0;
  }

  /**
   * Whether sighting {@code s} may be evidence of a delivery of {@code identity}: it agrees on the
   * product class, and on the destination when it names one.
   */
  static boolean fits(Observation s, String identity) {
    String[] sighted = parts(s.identity());
    String[] counted = parts(identity);
    return sighted[0].equals(counted[0])
        && Boolean.parseBoolean(counted[3])
        && (sighted[2].equals("null") || sighted[2].equals(counted[2]));
  }

  /**
   * {@code fact} as a delivery of {@code identity} counts: with the product class, route,
   * ship-to-ship mark and flags of that identity, so a change to a delivery is summed in the
   * ledgers and rows of the observation it counts as, whoever's arrival made it.
   */
  static Fact countedAs(Fact fact, String identity) {
    if (identity.equals(identity(fact)) || !(fact.detail() instanceof Detail.Tanker t)) {
      return fact;
    }
    String[] part = parts(identity);
    Fact routed =
        new Fact(
            fact.eventId(),
            fact.sourceKind(),
            fact.sourceName(),
            fact.eventTime(),
            value(part[1]),
            value(part[2]),
            fact.references(),
            fact.namedParties(),
            fact.amount(),
            fact.amountUnit(),
            fact.reportedAmount(),
            fact.reportedUnit(),
            fact.detail(),
            fact.corroboration());
    return routed.withDetail(
        new Detail.Tanker(
            value(part[0]) == null ? null : ProductClass.valueOf(part[0]),
            t.product(),
            Boolean.parseBoolean(part[3]),
            t.vesselImo(),
            t.vesselName(),
            value(part[4]),
            t.counterpartVesselImo(),
            t.counterpartVesselName(),
            value(part[5]),
            t.dischargePort()));
  }

  /** The fields of an {@link #identity}, "null" for none. */
  private static String[] parts(String identity) {
    String[] part = identity.split("\\|", -1);
    if (part.length != 6) {
      throw new IllegalArgumentException("not an observation's identity: " + identity);
    }
    return part;
  }

  private static String value(String part) {
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
        : NOT_A_LETTER.matcher(port.toLowerCase(Locale.ROOT)).replaceAll("").replace("ph", "p");
  }
}
