package io.transfermonitor.producers.validate;

import io.transfermonitor.model.ArmsTransfer;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.FinancialTransfer;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TroopDeployment;
import io.transfermonitor.model.WorkerDispatch;
import io.transfermonitor.schemas.EventTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Checks an event before it is produced: required fields present and non-blank, quantities not
 * negative (counts positive), units among BARREL, METRIC_TON, KILOLITRE and LITRE, products among
 * the known conversion products, countries and currencies as ISO codes, IMO numbers of seven
 * digits, confidence within 0..1, event time not in the future. In: one event record. Out: the
 * violations, empty when the event is good.
 */
public final class EventValidator {

  /** Units a tanker delivery may be given in. */
  public static final Set<String> UNITS = Set.of("BARREL", "METRIC_TON", "KILOLITRE", "LITRE");

  /** Product types with a conversion factor in the default configuration. */
  public static final Set<String> PRODUCTS =
      Set.of("LPG", "GASOLINE", "KEROSENE", "DIESEL", "FUEL_OIL", "CRUDE", "REFINED_UNSPECIFIED");

  /** What an arms transfer's quantity may count. */
  public static final Set<String> ARMS_UNITS = Set.of("UNITS", "ROUNDS", "SYSTEMS", "BATTERIES");

  private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

  private final Clock clock;
  private final Set<String> products;

  /** With the system clock and {@link #PRODUCTS}. */
  public EventValidator() {
    this(Clock.systemUTC(), PRODUCTS);
  }

  public EventValidator(Clock clock, Set<String> products) {
    this.clock = clock;
    this.products = Set.copyOf(products);
  }

  /** Everything wrong with {@code event}; empty when it may be produced. */
  public List<Violation> validate(SpecificRecord event) {
    List<Violation> out = new ArrayList<>(0);
    header(EventTypes.headerOf(event), out);
    if (event instanceof TankerDelivery t) {
      tanker(t, out);
    } else if (event instanceof ContainerShipment c) {
      positive("containers", c.getContainers(), out);
    } else if (event instanceof ArmsTransfer a) {
      notBlank("system", a.getSystem(), out);
      positive("quantity", a.getQuantity(), out);
      oneOf("quantityUnit", a.getQuantityUnit(), ARMS_UNITS, out);
    } else if (event instanceof TroopDeployment t) {
      positive("personnel", t.getPersonnel(), out);
    } else if (event instanceof WorkerDispatch w) {
      positive("workers", w.getWorkers(), out);
    } else if (event instanceof FinancialTransfer f) {
      if (f.getAmount() < 0) {
        out.add(new Violation("amount", "must not be negative (was " + f.getAmount() + ")"));
      }
      iso("currency", f.getCurrency(), out);
    }
    return out;
  }

  private void header(EventHeader h, List<Violation> out) {
    notBlank("header.eventId", h.getEventId(), out);
    notBlank("header.sourceName", h.getSourceName(), out);
    Instant latest = clock.instant().plus(FUTURE_TOLERANCE);
    if (h.getEventTime().isAfter(latest)) {
      out.add(new Violation("header.eventTime", "is in the future (" + h.getEventTime() + ")"));
    }
    if (h.getReportTime() != null && h.getReportTime().isBefore(h.getEventTime())) {
      out.add(new Violation("header.reportTime", "is before the event time"));
    }
    if (h.getConfidence() < 0 || h.getConfidence() > 1) {
      out.add(
          new Violation(
              "header.confidence", "must be within 0..1 (was " + h.getConfidence() + ")"));
    }
    if (h.getOrigin() != null) {
      iso("header.origin", h.getOrigin(), out);
    }
    if (h.getDestination() != null) {
      iso("header.destination", h.getDestination(), out);
    }
  }

  private void tanker(TankerDelivery t, List<Violation> out) {
    if (t.getQuantity() < 0) {
      out.add(new Violation("quantity", "must not be negative (was " + t.getQuantity() + ")"));
    }
    oneOf("unit", t.getUnit(), UNITS, out);
    oneOf("product", t.getProduct(), products, out);
    imo("vesselImo", t.getVesselImo(), out);
    imo("counterpartVesselImo", t.getCounterpartVesselImo(), out);
    if (t.getVesselFlag() != null) {
      iso("vesselFlag", t.getVesselFlag(), out);
    }
    if (t.getCounterpartVesselFlag() != null) {
      iso("counterpartVesselFlag", t.getCounterpartVesselFlag(), out);
    }
  }

  private static void notBlank(String field, String value, List<Violation> out) {
    if (value == null || value.isBlank()) {
      out.add(new Violation(field, "is required"));
    }
  }

  private static void positive(String field, long value, List<Violation> out) {
    if (value <= 0) {
      out.add(new Violation(field, "must be positive (was " + value + ")"));
    }
  }

  private static void oneOf(String field, String value, Set<String> known, List<Violation> out) {
    if (value == null || !known.contains(value)) {
      out.add(
          new Violation(
              field, "unknown " + field + " '" + value + "', expected one of " + sorted(known)));
    }
  }

  private static void iso(String field, String value, List<Violation> out) {
    if (value == null || !allIn(value, 3, 'A', 'Z')) {
      out.add(new Violation(field, "expected a three-letter ISO code, got '" + value + "'"));
    }
  }

  private static void imo(String field, String value, List<Violation> out) {
    if (value != null && !allIn(value, 7, '0', '9')) {
      out.add(new Violation(field, "expected a seven-digit IMO number, got '" + value + "'"));
    }
  }

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

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
