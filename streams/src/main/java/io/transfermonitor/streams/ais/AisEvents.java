package io.transfermonitor.streams.ais;

import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.VesselActivity;
import io.transfermonitor.model.VesselActivityType;
import io.transfermonitor.model.VesselFinding;
import io.transfermonitor.model.VesselFindingKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the AIS findings count as, so AIS counts like every other source: the {@link VesselFinding}
 * for the map, and the event a rule is about, written to the event topics and read back like any
 * other (validated, de-duplicated by id, screened, corroborated, counted):
 *
 * <ul>
 *   <li>a tanker's port call at a port of {@link Params#deliveryCountries} (the DPRK) is an
 *       OBSERVED tanker delivery, its quantity estimated as the register's deadweight times {@link
 *       Params#ladenFraction} in tonnes of REFINED_UNSPECIFIED (converted to barrels like any
 *       report), marked as an estimate in its references and confidence; a tanker that left deeper
 *       than it came loaded there and delivered nothing;
 *   <li>an encounter with a vessel of those countries (by register flag or MMSI) or a designated
 *       vessel is a ship-to-ship transfer, cargo unknown (0 barrels): the ship-to-ship ban judges
 *       it by flag, screening by the vessels it names;
 *   <li>a dark period (the detector reports only those in or heading for an area of interest), an
 *       identity anomaly in an area of interest and a designated vessel's position are vessel
 *       activities.
 * </ul>
 *
 * Event ids derive from the finding's id ({@code ais/<finding id>}), so a replay of the same
 * positions makes the same events and the re-send check drops them.
 */
public final class AisEvents {

  /** The source name every AIS-derived event carries. */
  public static final String SOURCE = "AIS (transfer-monitor detectors)";

  /**
   * How findings become events.
   *
   * @param deliveryCountries ports of these countries take deliveries ({@code
   *     tm.ais.delivery.countries}, PRK)
   * @param ladenFraction the share of its deadweight a tanker is assumed to deliver ({@code
   *     tm.ais.laden.fraction}, 0.9)
   * @param estimateConfidence the confidence an estimated delivery carries ({@code
   *     tm.ais.delivery.estimate-confidence}, 0.6)
   * @param darkWithinMillis an encounter starting at most this long after a vessel came back from a
   *     dark period (in or heading for an area of interest) is one with a vessel dark in an area of
   *     interest ({@code tm.ais.encounter.dark-within}, 7 days)
   */
  public record Params(
      Set<String> deliveryCountries,
      double ladenFraction,
      double estimateConfidence,
      long darkWithinMillis) {
    public static final Params DEFAULTS = new Params(Set.of("PRK"), 0.9, 0.6, 7 * 24 * 3_600_000L);

    /** With the default look-back for vessels dark before an encounter. */
    public Params(Set<String> deliveryCountries, double ladenFraction, double estimateConfidence) {
      this(deliveryCountries, ladenFraction, estimateConfidence, DEFAULTS.darkWithinMillis());
    }

    public Params {
      deliveryCountries = Set.copyOf(deliveryCountries);
      if (!(ladenFraction > 0 && ladenFraction <= 1)) {
        throw new IllegalArgumentException(
            "tm.ais.laden.fraction must be above 0 and at most 1, not " + ladenFraction);
      }
    }
  }

  /** A finding and, when a rule is about it, its event. */
  public record Made(VesselFinding finding, Optional<SpecificRecord> event) {

    /** The finding alone, naming no event: one that a rule has already been told about. */
    public Made findingOnly() {
      VesselFinding alone = VesselFinding.newBuilder(finding).setEventId(null).build();
      return new Made(alone, Optional.empty());
    }
  }

  /** Below this rise of draught (metres) a tanker is taken not to have loaded in port. */
  private static final double LOADED_METRES = 0.3;

  private final Params params;
  private final Gazetteer gazetteer;

  public AisEvents(Params params, Gazetteer gazetteer) {
    this.params = params;
    this.gazetteer = gazetteer;
  }

  /** A port call; {@code cameFrom} is the country of the call before it, or null. */
  public Made portCall(PortCall call, Vessel vessel, String cameFrom) {
    String eventId = "ais/" + call.id();
    Double change = call.draughtChange();
    boolean delivery =
        vessel.tanker()
            && params.deliveryCountries().contains(call.port().country())
            && (change == null || change < LOADED_METRES);
    double hours = (call.departure() - call.arrival()) / 3_600_000.0;
    String detail =
        String.format(
            Locale.ROOT,
            "%s called at %s (%s) for %.1f h%s%s",
            vessel.label(),
            call.port().name(),
            call.port().country(),
            hours,
            call.stopped()
                ? String.format(Locale.ROOT, ", stopped %.1f h", call.stoppedMillis() / 3_600_000.0)
                : ", without stopping",
            change == null ? "" : String.format(Locale.ROOT, ", draught %+.1f m", change));
    VesselFinding finding =
        finding(call.id(), VesselFindingKind.PORT_CALL, vessel, call.arrival(), call.departure())
            .setLatitude(call.port().lat())
            .setLongitude(call.port().lon())
            .setPlace(call.port().name())
            .setPlaceCountry(call.port().country())
            .setDraughtChangeMetres(change)
            .setDetail(detail)
            .setEventId(delivery ? eventId : null)
            .build();
    if (!delivery) {
      return new Made(finding, Optional.empty());
    }
    List<String> references = new ArrayList<>(2);
    references.add("ais:port-call:" + call.id());
    double quantity;
    if (vessel.deadweightTonnes() != null) {
      quantity = vessel.deadweightTonnes() * params.ladenFraction();
      references.add(
          String.format(
              Locale.ROOT,
              "estimate: deadweight %.0f t (vessel register) x laden fraction %.2f = %.0f t",
              vessel.deadweightTonnes(),
              params.ladenFraction(),
              quantity));
    } else {
      quantity = 0;
      references.add(
          "estimate: quantity unknown, the vessel is not in the register (vessels load)");
    }
    TankerDelivery event =
        TankerDelivery.newBuilder()
            .setHeader(
                header(eventId, call.arrival(), call.departure())
                    .setOrigin(cameFrom)
                    .setDestination(call.port().country())
                    .setConfidence(params.estimateConfidence())
                    .setReferences(references)
                    .build())
            .setVesselImo(vessel.imo())
            .setVesselName(vessel.name())
            .setVesselFlag(vessel.flag())
            .setProductClass(ProductClass.REFINED)
            .setProduct("REFINED_UNSPECIFIED")
            .setQuantity(quantity)
            .setUnit("METRIC_TON")
            .setDischargePort(call.port().name())
            .build();
    return new Made(finding, Optional.of(event));
  }

  /**
   * An encounter of {@code a} (the lower MMSI) and {@code b}: on reaching the minimum duration
   * (ongoing: the finding has no end yet) and when it ends, both under the same finding and event
   * id, so a rule hears of it once, as soon as it is one, and the map shows its end.
   */
  public Made encounter(Encounter e, Vessel a, Vessel b) {
    return encounter(e, a, null, b, null);
  }

  /**
   * An encounter of {@code a} (the lower MMSI) and {@code b}, each with when it came back from its
   * latest dark period (null: not known to have been dark): a vessel back from the dark at most
   * {@link Params#darkWithinMillis} before the encounter began was dark in an area of interest (the
   * only dark periods the detector reports), and makes the encounter a ship-to-ship transfer like a
   * DPRK or designated vessel does. Such an encounter (no DPRK or designated vessel in it) has the
   * country of the area of interest it lies in, when the area names one (the DPRK's waters: PRK),
   * as its event's destination, so the ship-to-ship ban can judge it by its route; the origin stays
   * unknown. One with a DPRK or designated vessel is judged by that vessel and keeps no route.
   * Either way the event names no origin and no quantity: corroboration takes it as a sighting,
   * evidence of a source's observation of the same transfer near it in time, which counts with its
   * route and quantity; it counts on its own only when there is none.
   */
  public Made encounter(Encounter e, Vessel a, Long aBackFromDark, Vessel b, Long bBackFromDark) {
    String eventId = "ais/encounter/" + e.id();
    boolean aDark = darkBefore(aBackFromDark, e);
    boolean bDark = darkBefore(bBackFromDark, e);
    boolean byVessel = watched(a) || watched(b);
    boolean watched = byVessel || aDark || bDark;
    String detail =
        String.format(
                Locale.ROOT,
                "%s and %s within %.0f m (median) for %s%.1f h%s, %.2f km from the nearest port",
                a.label(),
                b.label(),
                e.medianMetres(),
                e.ongoing() ? "at least " : "",
                e.durationMillis() / 3_600_000.0,
                e.ongoing() ? ", still together" : "",
                gazetteer.metresToNearestPort(e.lat(), e.lon()) / 1000.0)
            + darkNote(a, aDark)
            + darkNote(b, bDark);
    VesselFinding finding =
        finding(e.id(), VesselFindingKind.ENCOUNTER, a, e.start(), e.ongoing() ? null : e.end())
            .setOtherMmsi(b.mmsi())
            .setLatitude(e.lat())
            .setLongitude(e.lon())
            .setPlace(areaAt(e.lat(), e.lon()))
            .setDetail(detail)
            .setEventId(watched ? eventId : null)
            .build();
    if (!watched) {
      return new Made(finding, Optional.empty());
    }
    // the vessel a rule watches first, as sources write a transfer with a DPRK vessel
    Vessel first = watched(a) || (!watched(b) && aDark) ? a : b;
    Vessel second = first == a ? b : a;
    TankerDelivery event =
        TankerDelivery.newBuilder()
            .setHeader(
                header(eventId, e.start(), e.end())
                    .setDestination(byVessel ? null : gazetteer.countryAt(e.lat(), e.lon()))
                    .setReferences(List.of("ais:encounter:" + e.id(), "cargo unknown: " + detail))
                    .build())
            .setVesselImo(first.imo())
            .setVesselName(first.name() != null ? first.name() : "MMSI " + first.mmsi())
            .setVesselFlag(first.flag())
            .setProductClass(ProductClass.REFINED)
            .setProduct("REFINED_UNSPECIFIED")
            .setQuantity(0)
            .setUnit("BARREL")
            .setShipToShip(true)
            .setCounterpartVesselImo(second.imo())
            .setCounterpartVesselName(
                second.name() != null ? second.name() : "MMSI " + second.mmsi())
            .setCounterpartVesselFlag(second.flag())
            .build();
    return new Made(finding, Optional.of(event));
  }

  /** A dark period: every one the detector reports is in or heading for an area of interest. */
  public Made darkPeriod(DarkPeriod dark, Vessel vessel) {
    String eventId = "ais/" + dark.id();
    Double nm = dark.nauticalMiles();
    String detail =
        String.format(
            Locale.ROOT,
            "no AIS position for %.1f h %s%s%s",
            dark.hoursDark(),
            dark.why(),
            dark.open() ? ", still dark" : String.format(Locale.ROOT, "; back %.1f nm away", nm),
            dark.draughtChange() == null
                ? ""
                : String.format(Locale.ROOT, ", draught %+.1f m", dark.draughtChange()));
    VesselFinding.Builder finding =
        finding(
                dark.id(),
                VesselFindingKind.DARK_PERIOD,
                vessel,
                dark.last().time(),
                dark.open() ? null : dark.next().time())
            .setLatitude(dark.last().lat())
            .setLongitude(dark.last().lon())
            .setPlace(areaAt(dark.last().lat(), dark.last().lon()))
            .setDraughtChangeMetres(dark.draughtChange())
            .setDetail(vessel.label() + ": " + detail)
            .setEventId(eventId);
    VesselActivity.Builder event =
        activity(eventId, VesselActivityType.DARK_PERIOD, vessel, dark.last())
            .setArea(areaAt(dark.last().lat(), dark.last().lon()))
            .setDistanceNauticalMiles(nm)
            .setDraughtChangeMetres(dark.draughtChange())
            .setDescription(detail);
    if (!dark.open()) {
      finding.setEndLatitude(dark.next().lat()).setEndLongitude(dark.next().lon());
      event
          .setEndTime(Instant.ofEpochMilli(dark.next().time()))
          .setEndLatitude(dark.next().lat())
          .setEndLongitude(dark.next().lon());
    }
    return new Made(finding.build(), Optional.of(event.build()));
  }

  /** An identity anomaly seen at {@code where}: an event only in an area of interest. */
  public Made identity(IdentityAnomaly anomaly, Vessel vessel, Ping where) {
    return identity(anomaly, vessel, where, null);
  }

  /**
   * An identity anomaly seen at {@code where} and {@code elsewhere} (the other ship of an IMO
   * clone, or null): an event when either place is in an area of interest, and the finding ends
   * there.
   */
  public Made identity(IdentityAnomaly anomaly, Vessel vessel, Ping where, Ping elsewhere) {
    String area = where == null ? null : areaAt(where.lat(), where.lon());
    if (area == null && elsewhere != null) {
      area = areaAt(elsewhere.lat(), elsewhere.lon());
    }
    String eventId = "ais/" + anomaly.id();
    String detail =
        anomaly.kind().toString().toLowerCase(Locale.ROOT).replace('_', ' ')
            + ": "
            + anomaly.detail();
    VesselFinding finding =
        finding(anomaly.id(), VesselFindingKind.IDENTITY_ANOMALY, vessel, anomaly.time(), null)
            .setLatitude(where == null ? 0 : where.lat())
            .setLongitude(where == null ? 0 : where.lon())
            .setEndLatitude(elsewhere == null ? null : elsewhere.lat())
            .setEndLongitude(elsewhere == null ? null : elsewhere.lon())
            .setPlace(area)
            .setDetail(vessel.label() + ": " + detail)
            .setEventId(area == null ? null : eventId)
            .build();
    if (area == null) {
      return new Made(finding, Optional.empty());
    }
    VesselActivity event =
        activity(eventId, VesselActivityType.IDENTITY_ANOMALY, vessel, where)
            .setArea(area)
            .setDescription(detail)
            .build();
    return new Made(finding, Optional.of(event));
  }

  /** A designated vessel's position, once a day: screening raises the alert on its IMO number. */
  public VesselActivity designatedSeen(Vessel vessel, Ping where) {
    String day = Instant.ofEpochMilli(where.time()).toString().substring(0, 10);
    String area = areaAt(where.lat(), where.lon());
    return activity(
            "ais/" + vessel.mmsi() + "/designated-seen/" + day,
            VesselActivityType.DESIGNATED_VESSEL_SEEN,
            vessel,
            where)
        .setArea(area)
        .setDescription(
            String.format(
                Locale.ROOT,
                "designated vessel (%s) sending AIS at %.4f,%.4f%s",
                vessel.designationId(),
                where.lat(),
                where.lon(),
                area == null ? "" : " in " + area))
        .build();
  }

  private boolean darkBefore(Long backFromDark, Encounter e) {
    return backFromDark != null
        && backFromDark <= e.end()
        && e.start() - backFromDark <= params.darkWithinMillis();
  }

  private static String darkNote(Vessel v, boolean dark) {
    return dark ? "; " + v.label() + " was dark in or heading for an area of interest before" : "";
  }

  private boolean watched(Vessel v) {
    return (v.flag() != null && params.deliveryCountries().contains(v.flag())) || v.designated();
  }

  private String areaAt(double lat, double lon) {
    List<Gazetteer.Area> areas = gazetteer.areasAt(lat, lon);
    return areas.isEmpty() ? null : areas.get(0).name();
  }

  private static VesselFinding.Builder finding(
      String id, VesselFindingKind kind, Vessel vessel, long start, Long end) {
    return VesselFinding.newBuilder()
        .setFindingId(id)
        .setKind(kind)
        .setMmsi(vessel.mmsi())
        .setImo(vessel.imo())
        .setName(vessel.name())
        .setFlag(vessel.flag())
        .setStart(Instant.ofEpochMilli(start))
        .setEnd(end == null ? null : Instant.ofEpochMilli(end));
  }

  private static EventHeader.Builder header(String eventId, long time, Long reported) {
    return EventHeader.newBuilder()
        .setEventId(eventId)
        .setSourceName(SOURCE)
        .setSourceKind(SourceKind.OBSERVED)
        .setEventTime(Instant.ofEpochMilli(time))
        .setReportTime(reported == null ? null : Instant.ofEpochMilli(reported));
  }

  private VesselActivity.Builder activity(
      String eventId, VesselActivityType type, Vessel vessel, Ping where) {
    return VesselActivity.newBuilder()
        .setHeader(
            header(eventId, where.time(), null)
                .setReferences(List.of("ais:" + eventId.substring(4)))
                .build())
        .setActivity(type)
        .setVesselMmsi(vessel.mmsi())
        .setVesselImo(vessel.imo())
        .setVesselName(vessel.name())
        .setVesselFlag(vessel.flag())
        .setStartLatitude(where.lat())
        .setStartLongitude(where.lon());
  }
}
