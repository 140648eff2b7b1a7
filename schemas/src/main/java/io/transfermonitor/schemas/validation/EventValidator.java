package io.transfermonitor.schemas.validation;

import io.transfermonitor.model.ArmsTransfer;
import io.transfermonitor.model.ComponentFinding;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.FinancialTransfer;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TroopDeployment;
import io.transfermonitor.model.VesselActivity;
import io.transfermonitor.model.WorkerDispatch;
import io.transfermonitor.schemas.EventTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * The domain checks every event passes, beyond what its Avro schema enforces, applied alike by
 * {@code ingest} before producing and by the monitor before counting: ids and sources present;
 * quantities positive (non-negative for petroleum and money); known units and product types; ISO
 * alpha-3 countries and ISO 4217 currencies; seven-digit IMO numbers; confidence within 0..1; the
 * plausible ranges of {@link ValidationLimits} (event and report times neither before the earliest
 * event time nor past the clock's skew, a report time not before the event time, quantities and
 * amounts within their maxima, ids and text within their sizes); and the parties a rule needs (both
 * ends of a transfer, the sending country of troops and workers, the destination of a delivery that
 * is not ship-to-ship). In: one event record. Out: its violations, empty when good.
 */
public final class EventValidator {

  /** Units a tanker delivery may be given in. */
  public static final Set<String> TANKER_UNITS =
      Set.of("BARREL", "METRIC_TON", "KILOLITRE", "LITRE");

  /** Product types with a conversion factor in the default configuration. */
  public static final Set<String> DEFAULT_PRODUCTS =
      Set.of("LPG", "GASOLINE", "KEROSENE", "DIESEL", "FUEL_OIL", "CRUDE", "REFINED_UNSPECIFIED");

  /** What an arms transfer's quantity may count. */
  public static final Set<String> ARMS_UNITS = Set.of("UNITS", "ROUNDS", "SYSTEMS", "BATTERIES");

  private final Set<String> products;
  private final ValidationLimits limits;

  /** With {@link #DEFAULT_PRODUCTS} and {@link ValidationLimits#DEFAULTS}. */
  public EventValidator() {
    this(DEFAULT_PRODUCTS, ValidationLimits.DEFAULTS);
  }

  /** With {@link ValidationLimits#DEFAULTS} but another future skew. */
  public EventValidator(Set<String> products, Duration maxFutureSkew) {
    this(products, ValidationLimits.DEFAULTS.withMaxFutureSkew(maxFutureSkew));
  }

  public EventValidator(Set<String> products, ValidationLimits limits) {
    this.products = Set.copyOf(products);
    this.limits = limits;
  }

  /** Everything wrong with {@code event}, judged at wall-clock time {@code nowMillis}. */
  public List<Violation> check(SpecificRecord event, long nowMillis) {
    List<Violation> out = new ArrayList<>(0);
    EventHeader header = EventTypes.headerOf(event);
    header(header, nowMillis, out);
    text(event, out);
    if (event instanceof TankerDelivery t) {
      tanker(t, out);
    } else if (event instanceof ContainerShipment c) {
      positive("containers", c.getContainers(), out);
      bothEnds(header, out);
    } else if (event instanceof ArmsTransfer a) {
      required("system", a.getSystem(), "what was transferred", out);
      positive("quantity", a.getQuantity(), out);
      oneOf("quantityUnit", a.getQuantityUnit(), ARMS_UNITS, out);
      bothEnds(header, out);
    } else if (event instanceof TroopDeployment d) {
      positive("personnel", d.getPersonnel(), out);
      required("header.origin", header.getOrigin(), "the sending country", out);
    } else if (event instanceof WorkerDispatch w) {
      positive("workers", w.getWorkers(), out);
      required("header.origin", header.getOrigin(), "the sending country", out);
    } else if (event instanceof FinancialTransfer f) {
      nonNegative("amount", f.getAmount(), limits.maxAmount(), out);
      code("currency", f.getCurrency(), "an ISO 4217 code", out);
    } else if (event instanceof VesselActivity v) {
      vesselActivity(v, out);
    } else if (event instanceof ComponentFinding f) {
      componentFinding(f, out);
    }
    return out;
  }

  /**
   * Text, arrays and the whole within their sizes, so that every record the monitor makes of the
   * event fits on its topics: an array of 300,000 empty references is 300 KB of Avro and no text,
   * but more than 1 MB in the forms some stages write.
   */
  private void text(SpecificRecord event, List<Violation> out) {
    EventText text = EventText.of(event);
    int before = out.size();
    if (text.longestItems() > limits.maxItems()) {
      out.add(
          new Violation(
              text.longestArray(),
              text.longestArray()
                  + " holds "
                  + text.longestItems()
                  + " items, more than the "
                  + limits.maxItems()
                  + " an array of an event may hold (tm.validation.max.items)"));
    }
    if (text.totalBytes() > limits.maxTextBytes()) {
      out.add(
          new Violation(
              text.largestField(),
              "the event carries "
                  + text.totalBytes()
                  + " bytes of text, more than the "
                  + limits.maxTextBytes()
                  + " allowed (tm.validation.max.text.bytes); this field holds "
                  + text.largestBytes()));
    }
    // too many items or too much text make it too big encoded as well: said once, above
    if (out.size() == before && text.encodedBytes() > limits.maxEventBytes()) {
      String field = text.heaviestPart();
      out.add(
          new Violation(
              field,
              "the event takes up to "
                  + text.encodedBytes()
                  + " bytes encoded, more than the "
                  + limits.maxEventBytes()
                  + " allowed (tm.validation.max.event.bytes); its largest part is "
                  + field));
    }
  }

  private void header(EventHeader h, long nowMillis, List<Violation> out) {
    required("header.eventId", h.getEventId(), "a stable id of the fact", out);
    if (h.getEventId() != null && h.getEventId().length() > ValidationLimits.MAX_ID_LENGTH) {
      out.add(
          new Violation(
              "header.eventId",
              "must be at most "
                  + ValidationLimits.MAX_ID_LENGTH
                  + " characters (was "
                  + h.getEventId().length()
                  + ")"));
    }
    required("header.sourceName", h.getSourceName(), "who reported it", out);
    Instant now = Instant.ofEpochMilli(nowMillis);
    timeInRange("header.eventTime", "event time", h.getEventTime(), now, out);
    if (h.getReportTime() != null) {
      timeInRange("header.reportTime", "report time", h.getReportTime(), now, out);
    }
    if (h.getReportTime() != null && h.getReportTime().isBefore(h.getEventTime())) {
      out.add(
          new Violation(
              "header.reportTime",
              "report time "
                  + h.getReportTime()
                  + " is before the event time "
                  + h.getEventTime()));
    }
    if (!(h.getConfidence() >= 0.0 && h.getConfidence() <= 1.0)) {
      out.add(
          new Violation(
              "header.confidence", "must be within 0..1 (was " + h.getConfidence() + ")"));
    }
    country("header.origin", h.getOrigin(), out);
    country("header.destination", h.getDestination(), out);
  }

  private void timeInRange(
      String field, String what, Instant time, Instant now, List<Violation> out) {
    Instant latest = now.plus(limits.maxFutureSkew());
    if (time.isAfter(latest)) {
      out.add(
          new Violation(
              field,
              what
                  + " "
                  + time
                  + " lies more than "
                  + limits.maxFutureSkew()
                  + " after the clock ("
                  + now
                  + ")"));
    } else if (time.isBefore(limits.earliestEventTime())) {
      out.add(
          new Violation(
              field,
              what
                  + " "
                  + time
                  + " is before "
                  + limits.earliestEventTime()
                  + " (tm.validation.earliest.event.time)"));
    }
  }

  private void tanker(TankerDelivery t, List<Violation> out) {
    nonNegative("quantity", t.getQuantity(), limits.maxQuantity(), out);
    oneOf("unit", t.getUnit(), TANKER_UNITS, out);
    oneOf("product", t.getProduct(), products, out);
    imo("vesselImo", t.getVesselImo(), out);
    imo("counterpartVesselImo", t.getCounterpartVesselImo(), out);
    country("vesselFlag", t.getVesselFlag(), out);
    country("counterpartVesselFlag", t.getCounterpartVesselFlag(), out);
    if (t.getShipToShip()) {
      if (blank(t.getCounterpartVesselImo())
          && blank(t.getCounterpartVesselName())
          && blank(t.getCounterpartVesselFlag())) {
        out.add(
            new Violation(
                "counterpartVesselName",
                "a ship-to-ship transfer must name the other vessel (IMO, name or flag)"));
      }
    } else {
      required("header.destination", t.getHeader().getDestination(), "where it was delivered", out);
    }
  }

  private static void bothEnds(EventHeader h, List<Violation> out) {
    required("header.origin", h.getOrigin(), "where the transfer comes from", out);
    required("header.destination", h.getDestination(), "where the transfer goes", out);
  }

  private static void required(String field, String value, String what, List<Violation> out) {
    if (blank(value)) {
      out.add(new Violation(field, "is required: " + what));
    }
  }

  private void positive(String field, long value, List<Violation> out) {
    if (value <= 0) {
      out.add(new Violation(field, "must be positive (was " + value + ")"));
    } else if (value > limits.maxQuantity()) {
      out.add(tooMuch(field, value, limits.maxQuantity(), "tm.validation.max.quantity"));
    }
  }

  private static void nonNegative(String field, double value, double max, List<Violation> out) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      out.add(new Violation(field, "must be a finite number (was " + value + ")"));
    } else if (value < 0) {
      out.add(new Violation(field, "must not be negative (was " + value + ")"));
    } else if (value > max) {
      String setting =
          field.equals("amount") ? "tm.validation.max.amount" : "tm.validation.max.quantity";
      out.add(tooMuch(field, value, max, setting));
    }
  }

  private static Violation tooMuch(String field, double value, double max, String setting) {
    return new Violation(
        field, "must be at most " + max + " (was " + value + "; the limit is " + setting + ")");
  }

  private static void oneOf(String field, String value, Set<String> known, List<Violation> out) {
    if (value == null || !known.contains(value)) {
      out.add(
          new Violation(
              field,
              "unknown " + field + " '" + value + "' (expected one of " + sorted(known) + ")"));
    }
  }

  /** Countries are optional where not required above, but must be ISO alpha-3 when given. */
  private static void country(String field, String value, List<Violation> out) {
    if (value != null) {
      code(field, value, "an ISO 3166-1 alpha-3 code", out);
    }
  }

  private static void code(String field, String value, String what, List<Violation> out) {
    if (value == null || !allIn(value, 3, 'A', 'Z')) {
      out.add(new Violation(field, "must be " + what + ", was '" + value + "'"));
    }
  }

  /** A vessel activity names its vessel by MMSI or IMO number, and its positions are on Earth. */
  private static void vesselActivity(VesselActivity v, List<Violation> out) {
    if (blank(v.getVesselMmsi()) && blank(v.getVesselImo())) {
      out.add(new Violation("vesselMmsi", "required: the vessel's MMSI or IMO number (vesselImo)"));
    }
    if (v.getVesselMmsi() != null && !allIn(v.getVesselMmsi(), 9, '0', '9')) {
      out.add(
          new Violation(
              "vesselMmsi", "must be a nine-digit MMSI, was '" + v.getVesselMmsi() + "'"));
    }
    imo("vesselImo", v.getVesselImo(), out);
    country("vesselFlag", v.getVesselFlag(), out);
    position("startLatitude", v.getStartLatitude(), 90, out);
    position("startLongitude", v.getStartLongitude(), 180, out);
    position("endLatitude", v.getEndLatitude(), 90, out);
    position("endLongitude", v.getEndLongitude(), 180, out);
    if (v.getEndTime() != null && v.getEndTime().isBefore(v.getHeader().getEventTime())) {
      out.add(
          new Violation(
              "endTime",
              "end "
                  + v.getEndTime()
                  + " is before the start (header.eventTime) "
                  + v.getHeader().getEventTime()));
    }
  }

  /**
   * A component finding names what was recovered and the component's maker; its maker's country is
   * ISO alpha-3, its HS code an HS subheading, and it was not made after the item was recovered.
   */
  private static void componentFinding(ComponentFinding f, List<Violation> out) {
    required("weaponType", f.getWeaponType(), "what kind of weapon the item is", out);
    required("maker", f.getMaker(), "the component's maker", out);
    country("makerCountry", f.getMakerCountry(), out);
    if (f.getHsCode() != null) {
      String problem = HsCode.problem(f.getHsCode());
      if (problem != null) {
        out.add(new Violation("hsCode", problem));
      }
    }
    if (f.getManufactured() != null && f.getManufactured().isAfter(f.getHeader().getEventTime())) {
      out.add(
          new Violation(
              "manufactured",
              "made "
                  + f.getManufactured()
                  + ", after the item was recovered (header.eventTime "
                  + f.getHeader().getEventTime()
                  + "): is the date code read right?"));
    }
  }

  private static void position(String field, Double degrees, double max, List<Violation> out) {
    if (degrees != null && !(Math.abs(degrees) <= max)) {
      out.add(
          new Violation(field, "must be within -" + max + ".." + max + " degrees, was " + degrees));
    }
  }

  private static void imo(String field, String value, List<Violation> out) {
    if (value != null && !allIn(value, 7, '0', '9')) {
      out.add(new Violation(field, "must be a seven-digit IMO number, was '" + value + "'"));
    }
  }

  // a character loop rather than a regex: this runs once per ingested row
  private static boolean allIn(String value, int length, char from, char to) {
    if (value.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < from || c > to) {
        return false;
      }
    }
    return true;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
