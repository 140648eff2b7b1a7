package io.transfermonitor.streams.validation;

import io.transfermonitor.model.ArmsTransfer;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.FinancialTransfer;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TroopDeployment;
import io.transfermonitor.model.WorkerDispatch;
import io.transfermonitor.schemas.EventTypes;
import io.transfermonitor.streams.MonitorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;

/**
 * Domain checks on a decoded event, beyond what the Avro schema enforces: ids and sources present,
 * quantities positive (or non-negative for petroleum and money), known units and product types, ISO
 * alpha-3 countries, an event time not absurdly in the future, and the parties a rule needs (both
 * ends of a transfer; the sending country of troops and workers).
 */
public final class EventValidator {

  private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");
  private static final Set<String> ARMS_UNITS = Set.of("UNITS", "ROUNDS", "SYSTEMS", "BATTERIES");

  private final Set<String> knownProducts;
  private final Duration maxFutureSkew;

  public EventValidator(Set<String> knownProducts, Duration maxFutureSkew) {
    this.knownProducts = Set.copyOf(knownProducts);
    this.maxFutureSkew = maxFutureSkew;
  }

  public static EventValidator from(MonitorConfig config) {
    return new EventValidator(config.knownProducts(), config.maxFutureSkew());
  }

  /**
   * Everything wrong with {@code event}, judged at wall-clock time {@code nowMillis}; empty if ok.
   */
  public List<Violation> check(SpecificRecord event, long nowMillis) {
    List<Violation> out = new ArrayList<>();
    checkHeader(EventTypes.headerOf(event), nowMillis, out);
    if (event instanceof TankerDelivery t) {
      checkTanker(t, out);
    } else if (event instanceof ContainerShipment c) {
      positive(c.getContainers(), "containers", out);
      bothEnds(EventTypes.headerOf(event), out);
    } else if (event instanceof ArmsTransfer a) {
      positive(a.getQuantity(), "quantity", out);
      if (!ARMS_UNITS.contains(a.getQuantityUnit())) {
        out.add(
            new Violation(
                "quantityUnit",
                "unknown unit '"
                    + a.getQuantityUnit()
                    + "' (expected one of "
                    + sorted(ARMS_UNITS)
                    + ")"));
      }
      bothEnds(EventTypes.headerOf(event), out);
    } else if (event instanceof TroopDeployment d) {
      positive(d.getPersonnel(), "personnel", out);
      required(EventTypes.headerOf(event).getOrigin(), "header.origin", "the sending country", out);
    } else if (event instanceof WorkerDispatch w) {
      positive(w.getWorkers(), "workers", out);
      required(EventTypes.headerOf(event).getOrigin(), "header.origin", "the sending country", out);
    } else if (event instanceof FinancialTransfer f) {
      nonNegative(f.getAmount(), "amount", out);
      if (f.getCurrency() == null || !ALPHA3.matcher(f.getCurrency()).matches()) {
        out.add(
            new Violation("currency", "must be an ISO 4217 code, was '" + f.getCurrency() + "'"));
      }
    }
    return out;
  }

  private void checkHeader(EventHeader h, long nowMillis, List<Violation> out) {
    if (blank(h.getEventId())) {
      out.add(new Violation("header.eventId", "must not be blank"));
    }
    if (blank(h.getSourceName())) {
      out.add(new Violation("header.sourceName", "must not be blank"));
    }
    Instant latest = Instant.ofEpochMilli(nowMillis).plus(maxFutureSkew);
    if (h.getEventTime().isAfter(latest)) {
      out.add(
          new Violation(
              "header.eventTime",
              "event time "
                  + h.getEventTime()
                  + " lies more than "
                  + maxFutureSkew
                  + " after the monitor's clock ("
                  + Instant.ofEpochMilli(nowMillis)
                  + ")"));
    }
    if (!(h.getConfidence() >= 0.0 && h.getConfidence() <= 1.0)) {
      out.add(
          new Violation("header.confidence", "must be between 0 and 1, was " + h.getConfidence()));
    }
    country(h.getOrigin(), "header.origin", out);
    country(h.getDestination(), "header.destination", out);
  }

  private void checkTanker(TankerDelivery t, List<Violation> out) {
    nonNegative(t.getQuantity(), "quantity", out);
    if (!MonitorConfig.QUANTITY_UNITS.contains(t.getUnit())) {
      out.add(
          new Violation(
              "unit",
              "unknown unit '"
                  + t.getUnit()
                  + "' (expected one of "
                  + sorted(MonitorConfig.QUANTITY_UNITS)
                  + ")"));
    }
    if (!knownProducts.contains(t.getProduct())) {
      out.add(
          new Violation(
              "product",
              "unknown product type '"
                  + t.getProduct()
                  + "' (expected one of "
                  + sorted(knownProducts)
                  + ")"));
    }
    country(t.getVesselFlag(), "vesselFlag", out);
    country(t.getCounterpartVesselFlag(), "counterpartVesselFlag", out);
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
      required(t.getHeader().getDestination(), "header.destination", "where it was delivered", out);
    }
  }

  private static void bothEnds(EventHeader h, List<Violation> out) {
    required(h.getOrigin(), "header.origin", "where the transfer comes from", out);
    required(h.getDestination(), "header.destination", "where the transfer goes", out);
  }

  private static void required(String value, String field, String what, List<Violation> out) {
    if (blank(value)) {
      out.add(new Violation(field, "is required: " + what));
    }
  }

  private static void country(String value, String field, List<Violation> out) {
    if (value != null && !ALPHA3.matcher(value).matches()) {
      out.add(new Violation(field, "must be an ISO 3166-1 alpha-3 code, was '" + value + "'"));
    }
  }

  private static void positive(long value, String field, List<Violation> out) {
    if (value <= 0) {
      out.add(new Violation(field, "must be positive (was " + value + ")"));
    }
  }

  private static void nonNegative(double value, String field, List<Violation> out) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      out.add(new Violation(field, "must be a finite number (was " + value + ")"));
    } else if (value < 0) {
      out.add(new Violation(field, "must not be negative (was " + value + ")"));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
