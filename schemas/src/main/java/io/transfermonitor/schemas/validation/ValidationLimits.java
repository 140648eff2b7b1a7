package io.transfermonitor.schemas.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The plausible ranges an event must lie within, beyond its schema: how far back and ahead its
 * times may lie, how much one event may count, and how much text it may carry. Events outside them
 * are rejected at validation with the field named, before they can overflow a ledger or fail a
 * later stage. The monitor reads them from its {@code tm.validation.*} settings; {@link #DEFAULTS}
 * holds the values those settings default to.
 *
 * @param earliestEventTime event times before this are rejected (year 1, {@code Long.MIN_VALUE})
 * @param maxFutureSkew how far an event or report time may lie after the clock
 * @param maxQuantity most one event may count, in its own unit (barrels, tons, kilolitres, litres,
 *     containers, units or rounds, personnel, workers)
 * @param maxAmount most money one financial transfer may move, in its currency
 * @param maxTextBytes most UTF-8 bytes of text one event may carry, all its strings together, so
 *     that it fits on the monitor's internal topics (at most {@link #TEXT_BYTES_CEILING})
 * @param maxItems most items one array of an event may hold (references, parties, identifiers,
 *     route legs, banks, ...): each item costs bytes in every record the monitor makes of the
 *     event, more in some forms than in the event's own Avro, text or no text
 * @param maxEventBytes most bytes the event may take in Avro's binary encoding, estimated from
 *     above, so that it and what the monitor makes of it fit the size budget of its topics (at most
 *     {@link #EVENT_BYTES_CEILING})
 */
public record ValidationLimits(
    Instant earliestEventTime,
    Duration maxFutureSkew,
    double maxQuantity,
    double maxAmount,
    int maxTextBytes,
    int maxItems,
    int maxEventBytes) {

  /**
   * The most text an event may carry whatever the setting: with its other fields and headers it
   * must stay under the producers' default {@code max.request.size} of 1 MiB on the repartition
   * topics.
   */
  public static final int TEXT_BYTES_CEILING = 768 * 1024;

  /**
   * The most bytes an encoded event may take whatever the setting: with the monitor's framing, key
   * and header it stays under Kafka's default 1 MiB ({@code max.message.bytes}, {@code
   * max.request.size}).
   */
  public static final int EVENT_BYTES_CEILING = 896 * 1024;

  /** The default of {@code tm.validation.max.items}. */
  public static final int DEFAULT_MAX_ITEMS = 1_000;

  /** The default of {@code tm.validation.max.event.bytes}. */
  public static final int DEFAULT_MAX_EVENT_BYTES = 640 * 1024;

  /** Ids longer than this are rejected: an id is a key, stored and repartitioned per event. */
  public static final int MAX_ID_LENGTH = 1024;

  /** The defaults of the monitor's {@code tm.validation.*} settings. */
  public static final ValidationLimits DEFAULTS =
      new ValidationLimits(
          Instant.parse("1950-01-01T00:00:00Z"),
          Duration.ofDays(1),
          1e9,
          1e13,
          512 * 1024,
          DEFAULT_MAX_ITEMS,
          DEFAULT_MAX_EVENT_BYTES);

  /** These ranges with the default item and encoded-size limits. */
  public ValidationLimits(
      Instant earliestEventTime,
      Duration maxFutureSkew,
      double maxQuantity,
      double maxAmount,
      int maxTextBytes) {
    this(
        earliestEventTime,
        maxFutureSkew,
        maxQuantity,
        maxAmount,
        maxTextBytes,
        DEFAULT_MAX_ITEMS,
        DEFAULT_MAX_EVENT_BYTES);
  }

  public ValidationLimits {
    Objects.requireNonNull(earliestEventTime, "earliestEventTime");
    if (maxFutureSkew == null || maxFutureSkew.isNegative() || maxFutureSkew.isZero()) {
      throw new IllegalArgumentException("maxFutureSkew must be positive, was " + maxFutureSkew);
    }
    requirePositive(maxQuantity, "maxQuantity");
    requirePositive(maxAmount, "maxAmount");
    if (maxTextBytes <= 0 || maxTextBytes > TEXT_BYTES_CEILING) {
      throw new IllegalArgumentException(
          "maxTextBytes must be 1.." + TEXT_BYTES_CEILING + ", was " + maxTextBytes);
    }
    if (maxItems <= 0) {
      throw new IllegalArgumentException("maxItems must be positive, was " + maxItems);
    }
    if (maxEventBytes <= 0 || maxEventBytes > EVENT_BYTES_CEILING) {
      throw new IllegalArgumentException(
          "maxEventBytes must be 1.." + EVENT_BYTES_CEILING + ", was " + maxEventBytes);
    }
  }

  /** These limits with another future skew. */
  public ValidationLimits withMaxFutureSkew(Duration skew) {
    return new ValidationLimits(
        earliestEventTime, skew, maxQuantity, maxAmount, maxTextBytes, maxItems, maxEventBytes);
  }

  private static void requirePositive(double value, String name) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a positive number, was " + value);
    }
  }
}
