package io.transfermonitor.streams.config;

import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.validation.ValidationLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The {@code tm.*} settings of the monitor, one per {@link MonitorConfig} field, each with its
 * default, its check and its documentation: the one place these defaults live. Defined as a Kafka
 * {@link ConfigDef}, so a bad value fails with a message naming the key. The {@code tm.ais.*}
 * settings are defined in {@link AisSettingKeys}, for length, and are part of this definition. A
 * new setting takes one {@code define} here and its use in {@link #parse}: the CLI accepts every
 * key defined here, and tests hold the READMEs' settings tables to {@link #keys()}.
 */
public final class MonitorSettings {

  public static final String TOPIC_PREFIX = "tm.topic.prefix";
  public static final String NOTIFICATIONS_TOPIC = "tm.topic.notifications";
  public static final String APPLICATION_ID = "tm.application.id";
  public static final String DEDUP_RETENTION = "tm.dedup.retention";
  public static final String BARRELS_PER_TON = "tm.barrels.per.ton";
  public static final String BARRELS_PER_KILOLITRE = "tm.barrels.per.kilolitre";
  public static final String MAX_FUTURE_SKEW = "tm.validation.max.future.skew";
  public static final String EARLIEST_EVENT_TIME = "tm.validation.earliest.event.time";
  public static final String MAX_QUANTITY = "tm.validation.max.quantity";
  public static final String MAX_AMOUNT = "tm.validation.max.amount";
  public static final String MAX_TEXT_BYTES = "tm.validation.max.text.bytes";
  public static final String MAX_ITEMS = "tm.validation.max.items";
  public static final String MAX_EVENT_BYTES = "tm.validation.max.event.bytes";
  public static final String RULE_RECHECK_INTERVAL = "tm.rule.recheck.interval";
  public static final String COMMIT_INTERVAL = "tm.commit.interval";
  public static final String SCREENING_THRESHOLD = "tm.screening.threshold";
  public static final String NEAR_MISS_THRESHOLD = "tm.screening.near.miss.threshold";
  public static final String SCREENING_LOOKBACK = "tm.screening.lookback";
  public static final String RESCREEN_INTERVAL = "tm.screening.rescreen.interval";
  public static final String CASE_QUIET_INTERVAL = "tm.case.quiet.interval";
  public static final String CASE_PARTITIONS = "tm.case.partitions";
  public static final String INSTANCE_ID = "tm.instance.id";

  /** The longest future skew accepted: ten years is already no check at all. */
  private static final Duration MAX_SKEW = Duration.ofDays(3650);

  private static final ValidationLimits LIMITS = ValidationLimits.DEFAULTS;
  public static final String CORROBORATION_WINDOW = "tm.corroboration.window";
  public static final String CORROBORATION_SAME_PORT = "tm.corroboration.same.port";

  /**
   * Refined products follow the 1718 Committee's usual factors; crude is 4,000,000 bbl / 525,000 t
   * = 7.62 (UNSCR 2397 OP4); REFINED_UNSPECIFIED uses 7.33, the factor commonly used for refined
   * products of unknown mix (between diesel and gasoline).
   */
  private static final String DEFAULT_BARRELS_PER_TON =
      "LPG=11.6,GASOLINE=8.5,KEROSENE=7.8,DIESEL=7.5,FUEL_OIL=6.7,CRUDE=7.62,"
          + "REFINED_UNSPECIFIED=7.33";

  private static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              TOPIC_PREFIX,
              Type.STRING,
              Topics.DEFAULT_PREFIX,
              check(MonitorSettings::topicChars),
              Importance.HIGH,
              "Prefix of every topic name (tm.events.tanker-deliveries, tm.alerts, ...).")
          .define(
              NOTIFICATIONS_TOPIC,
              Type.STRING,
              "",
              check(MonitorSettings::optionalName),
              Importance.LOW,
              "Topic the monitor writes notifications to; empty = the prefix and"
                  + " 'notifications' (tm.notifications). Another one while a new version replays"
                  + " the event topics (docs/upgrading.md): the replay's notifications, which the"
                  + " old version sent already, go there instead of paging again.")
          .define(
              APPLICATION_ID,
              Type.STRING,
              "transfer-monitor",
              check(MonitorSettings::topicChars),
              Importance.HIGH,
              "Kafka Streams application id (consumer group and internal topic prefix).")
          .define(
              DEDUP_RETENTION,
              Type.STRING,
              "400d",
              check(MonitorSettings::positiveDuration),
              Importance.MEDIUM,
              "How long an event id is remembered to drop re-sends; longer than any producer"
                  + " re-sends a report (a year's reports and then some).")
          .define(
              BARRELS_PER_TON,
              Type.STRING,
              DEFAULT_BARRELS_PER_TON,
              check(MonitorSettings::barrelsPerTon),
              Importance.MEDIUM,
              "Barrels per metric ton by product type, PRODUCT=FACTOR,...; products given here"
                  + " replace or add to the defaults ("
                  + DEFAULT_BARRELS_PER_TON
                  + "). The"
                  + " products named are the known product types; an event naming another is"
                  + " rejected.")
          .define(
              BARRELS_PER_KILOLITRE,
              Type.STRING,
              "6.2898",
              check(MonitorSettings::positiveNumber),
              Importance.LOW,
              "Barrels per kilolitre (litres count a thousandth of it).")
          .define(
              MAX_FUTURE_SKEW,
              Type.STRING,
              "1d",
              check(MonitorSettings::skew),
              Importance.LOW,
              "How far an event or report time may lie after the monitor's clock (a producer's"
                  + " clock running ahead) before the event is rejected; at most 3650d.")
          .define(
              EARLIEST_EVENT_TIME,
              Type.STRING,
              LIMITS.earliestEventTime().toString(),
              check(MonitorSettings::instant),
              Importance.LOW,
              "Event and report times before this instant (ISO-8601, UTC) are rejected as"
                  + " implausible: a time in year 1 or at the smallest long is a broken source.")
          .define(
              MAX_QUANTITY,
              Type.STRING,
              plain(LIMITS.maxQuantity()),
              check(MonitorSettings::positiveNumber),
              Importance.LOW,
              "Most one event may count, in its own unit (barrels, metric tons, kilolitres,"
                  + " litres, containers, units or rounds, personnel, workers); more is rejected"
                  + " before it can swamp a ledger.")
          .define(
              MAX_AMOUNT,
              Type.STRING,
              plain(LIMITS.maxAmount()),
              check(MonitorSettings::positiveNumber),
              Importance.LOW,
              "Most money one financial transfer may move, in its own currency.")
          .define(
              MAX_TEXT_BYTES,
              Type.STRING,
              String.valueOf(LIMITS.maxTextBytes()),
              check(MonitorSettings::textBytes),
              Importance.LOW,
              "Most UTF-8 bytes of text one event may carry, all its strings together (at most"
                  + " "
                  + ValidationLimits.TEXT_BYTES_CEILING
                  + ", so it fits on the internal topics); the largest field is named when an"
                  + " event is rejected for it.")
          .define(
              MAX_ITEMS,
              Type.STRING,
              String.valueOf(LIMITS.maxItems()),
              check(v -> wholeNumber(v, Integer.MAX_VALUE)),
              Importance.LOW,
              "Most items one array of an event may hold (references, parties, identifiers, route"
                  + " legs, banks): each costs bytes in every record the monitor makes of the"
                  + " event, text or no text; the array is named when an event is rejected for it.")
          .define(
              MAX_EVENT_BYTES,
              Type.STRING,
              String.valueOf(LIMITS.maxEventBytes()),
              check(v -> wholeNumber(v, ValidationLimits.EVENT_BYTES_CEILING)),
              Importance.LOW,
              "Most bytes one event may take in Avro's binary encoding, estimated from above (at"
                  + " most "
                  + ValidationLimits.EVENT_BYTES_CEILING
                  + ", so what the monitor makes of it fits Kafka's 1 MiB); its largest part is"
                  + " named when an event is rejected for it.")
          .define(
              RULE_RECHECK_INTERVAL,
              Type.STRING,
              "1s",
              check(MonitorSettings::positiveDuration),
              Importance.LOW,
              "How often, by the wall clock, ledgers are judged again against changed rules, so"
                  + " a lowered limit raises its alerts without waiting for an event.")
          .define(
              COMMIT_INTERVAL,
              Type.STRING,
              "100ms",
              check(MonitorSettings::positiveDuration),
              Importance.MEDIUM,
              "Kafka Streams commit.interval.ms: how often results are committed, and so how"
                  + " soon alerts are visible to read_committed readers.")
          .define(
              INSTANCE_ID,
              Type.STRING,
              "",
              check(MonitorSettings::optionalName),
              Importance.MEDIUM,
              "Static membership: a name unique to this monitor instance and kept across its"
                  + " restarts (Kafka's group.instance.id). A restarted instance then takes its"
                  + " tasks back at once instead of waiting for the group to time the old member"
                  + " out; empty = dynamic membership.")
          .define(
              SCREENING_THRESHOLD,
              Type.STRING,
              "0.9",
              check(MonitorSettings::score),
              Importance.MEDIUM,
              "Score (0..1) at or above which a party matching a designation raises a SCREEN"
                  + " alert; how it was chosen, and its precision and recall, are in"
                  + " docs/screening.md.")
          .define(
              NEAR_MISS_THRESHOLD,
              Type.STRING,
              "0.6",
              check(MonitorSettings::score),
              Importance.LOW,
              "Score (0..1, not above tm.screening.threshold) at or above which a best match below"
                  + " the threshold is counted as a near miss (metric tm.screening.near.misses),"
                  + " never alerted.")
          .define(
              SCREENING_LOOKBACK,
              Type.STRING,
              "400d",
              check(MonitorSettings::positiveDuration),
              Importance.MEDIUM,
              "How long the parties of an event are kept to be rescreened when a designation (or"
                  + " a new alias of one) arrives; by the monitor's clock, from when the event was"
                  + " seen.")
          .define(
              RESCREEN_INTERVAL,
              Type.STRING,
              "1s",
              check(MonitorSettings::positiveDuration),
              Importance.LOW,
              "How often, by the wall clock, each task looks for designations it has not"
                  + " rescreened its past events against yet.")
          .define(
              CASE_QUIET_INTERVAL,
              Type.STRING,
              "5m",
              check(MonitorSettings::positiveDuration),
              Importance.MEDIUM,
              "How long after a case's last notification more alerts that do not escalate it may"
                  + " notify again (like Alertmanager's group_interval): an update notifies at"
                  + " most once per interval, with every alert since the last notification.")
          .define(
              CASE_PARTITIONS,
              Type.STRING,
              "3",
              check(MonitorSettings::positiveWholeNumber),
              Importance.LOW,
              "Partitions of the repartition topics that bring alerts and operator actions to"
                  + " their case (by case id); one number for all of them, so one case's alerts"
                  + " and actions meet in one task. Fixed once the monitor has run: Kafka Streams"
                  + " refuses to start when an existing repartition topic has another count.")
          .define(
              CORROBORATION_WINDOW,
              Type.STRING,
              "48h",
              check(MonitorSettings::positiveDuration),
              Importance.MEDIUM,
              "OBSERVED tanker deliveries of one vessel (IMO number) within this time of a"
                  + " delivery's first observation are that delivery, seen again: it counts once,"
                  + " with the largest quantity observed. A sighting of a ship-to-ship transfer"
                  + " (no origin, no quantity: the monitor's AIS encounters) within this time of"
                  + " such a delivery of one of its vessels, before or after, is its evidence.")
          .define(
              CORROBORATION_SAME_PORT,
              Type.STRING,
              "true",
              check(MonitorSettings::trueOrFalse),
              Importance.LOW,
              "true: observations of one vessel at two different discharge ports are two"
                  + " deliveries (one without a port joins either); false: the port is not"
                  + " compared.");

  static {
    // the tm.ais.* keys, defined apart for length, after the others
    AisSettingKeys.define(DEFINITION);
  }

  private MonitorSettings() {}

  /** The settings, with types, defaults and documentation. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  /** Every key, in documentation order. */
  public static List<String> keys() {
    return List.copyOf(DEFINITION.configKeys().keySet());
  }

  /** The default of {@code key} as it would be written in a settings file. */
  public static String defaultValue(String key) {
    return String.valueOf(key(key).defaultValue);
  }

  /** What {@code key} means. */
  public static String doc(String key) {
    return key(key).documentation;
  }

  /** What is wrong with {@code value} for {@code key}, or empty when it is acceptable. */
  public static Optional<String> problem(String key, String value) {
    try {
      key(key).validator.ensureValid(key, value);
      return Optional.empty();
    } catch (BadSetting e) {
      return Optional.of(e.problem);
    }
  }

  /**
   * A value that does not fit another setting's (each alone is acceptable).
   *
   * @param key the key blamed
   * @param value its value
   * @param problem what is wrong, naming the other key and its value
   */
  public record Conflict(String key, String value, String problem) {}

  /**
   * The first value among {@code values} that does not fit another setting's value (given or
   * default), such as a near-miss threshold above the screening threshold; empty when they fit or
   * when a value is bad alone ({@link #problem(String, String)} says what).
   *
   * @param values {@code tm.*} keys to text values; keys that are not monitor settings are ignored
   */
  public static Optional<Conflict> conflict(Map<String, String> values) {
    try {
      return conflictIn(DEFINITION.parse(given(values)));
    } catch (ConfigException e) {
      return Optional.empty();
    }
  }

  private static Optional<Conflict> conflictIn(Map<String, Object> parsed) {
    if (number(parsed, NEAR_MISS_THRESHOLD) > number(parsed, SCREENING_THRESHOLD)) {
      String nearMiss = text(parsed, NEAR_MISS_THRESHOLD);
      return Optional.of(
          new Conflict(
              NEAR_MISS_THRESHOLD,
              nearMiss,
              "'"
                  + nearMiss
                  + "' must not be above "
                  + SCREENING_THRESHOLD
                  + " ("
                  + text(parsed, SCREENING_THRESHOLD)
                  + ")"));
    }
    return AisSettingKeys.conflict(parsed);
  }

  private static Map<String, Object> given(Map<String, String> values) {
    Map<String, Object> given = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          if (DEFINITION.configKeys().containsKey(key) && value != null) {
            given.put(key, value.trim());
          }
        });
    return given;
  }

  /**
   * The configuration these settings give, defaults for the keys not given.
   *
   * @param values {@code tm.*} keys to text values; keys that are not monitor settings are ignored
   * @throws ConfigException naming the key of a bad value
   */
  public static MonitorConfig parse(Map<String, String> values) {
    Map<String, Object> parsed = DEFINITION.parse(given(values));
    conflictIn(parsed)
        .ifPresent(
            c -> {
              throw new BadSetting(c.key(), c.value(), c.problem());
            });
    return new MonitorConfig(
        topics(parsed),
        text(parsed, APPLICATION_ID),
        duration(parsed, DEDUP_RETENTION),
        productFactors(text(parsed, BARRELS_PER_TON)),
        Double.parseDouble(text(parsed, BARRELS_PER_KILOLITRE)),
        new ValidationLimits(
            Instant.parse(text(parsed, EARLIEST_EVENT_TIME)),
            duration(parsed, MAX_FUTURE_SKEW),
            Double.parseDouble(text(parsed, MAX_QUANTITY)),
            Double.parseDouble(text(parsed, MAX_AMOUNT)),
            Integer.parseInt(text(parsed, MAX_TEXT_BYTES)),
            Integer.parseInt(text(parsed, MAX_ITEMS)),
            Integer.parseInt(text(parsed, MAX_EVENT_BYTES))),
        duration(parsed, RULE_RECHECK_INTERVAL),
        duration(parsed, COMMIT_INTERVAL),
        text(parsed, INSTANCE_ID),
        number(parsed, SCREENING_THRESHOLD),
        number(parsed, NEAR_MISS_THRESHOLD),
        duration(parsed, SCREENING_LOOKBACK),
        duration(parsed, RESCREEN_INTERVAL),
        duration(parsed, CASE_QUIET_INTERVAL),
        Integer.parseInt(text(parsed, CASE_PARTITIONS)),
        duration(parsed, CORROBORATION_WINDOW),
        Boolean.parseBoolean(text(parsed, CORROBORATION_SAME_PORT)),
        AisSettingKeys.parse(parsed));
  }

  private static Topics topics(Map<String, Object> parsed) {
    Topics topics = Topics.withPrefix(text(parsed, TOPIC_PREFIX));
    String notifications = text(parsed, NOTIFICATIONS_TOPIC);
    return notifications.isEmpty() ? topics : topics.withNotifications(notifications);
  }

  static double number(Map<String, Object> parsed, String key) {
    return Double.parseDouble(text(parsed, key));
  }

  private static ConfigDef.ConfigKey key(String key) {
    ConfigDef.ConfigKey found = DEFINITION.configKeys().get(key);
    if (found == null) {
      throw new IllegalArgumentException("not a monitor setting: " + key);
    }
    return found;
  }

  static String text(Map<String, Object> parsed, String key) {
    return String.valueOf(parsed.get(key)).trim();
  }

  static Duration duration(Map<String, Object> parsed, String key) {
    return DurationText.parse(text(parsed, key));
  }

  private static Map<String, Double> productFactors(String text) {
    Map<String, Double> factors = new LinkedHashMap<>(factorsIn(DEFAULT_BARRELS_PER_TON));
    factors.putAll(factorsIn(text));
    return factors;
  }

  private static Map<String, Double> factorsIn(String text) {
    Map<String, Double> factors = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "'" + entry.trim() + "' is not PRODUCT=FACTOR (e.g. DIESEL=7.5)");
      }
      String product = entry.substring(0, eq).trim();
      String factor = entry.substring(eq + 1).trim();
      String problem = positiveNumber(factor);
      if (problem != null) {
        throw new IllegalArgumentException(product + ": " + problem);
      }
      factors.put(product, Double.parseDouble(factor));
    }
    return factors;
  }

  private static String topicChars(String value) {
    return value.matches("[A-Za-z0-9._-]+")
        ? null
        : "'" + value + "' may only contain letters, digits, '.', '_' and '-'";
  }

  static String positiveDuration(String value) {
    try {
      Duration d = DurationText.parse(value);
      return d.isZero() || d.isNegative() ? "'" + value + "' must be longer than zero" : null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private static String skew(String value) {
    String problem = positiveDuration(value);
    if (problem == null && DurationText.parse(value).compareTo(MAX_SKEW) > 0) {
      return "'" + value + "' must be at most 3650d";
    }
    return problem;
  }

  private static String instant(String value) {
    try {
      Instant.parse(value);
      return null;
    } catch (DateTimeParseException e) {
      return "'" + value + "' is not an ISO-8601 instant such as 1950-01-01T00:00:00Z";
    }
  }

  private static String textBytes(String value) {
    try {
      int n = Integer.parseInt(value);
      return n > 0 && n <= ValidationLimits.TEXT_BYTES_CEILING
          ? null
          : "'" + value + "' must be 1.." + ValidationLimits.TEXT_BYTES_CEILING;
    } catch (NumberFormatException e) {
      return "'" + value + "' is not a whole number";
    }
  }

  private static String wholeNumber(String value, int max) {
    try {
      int n = Integer.parseInt(value);
      return n > 0 && n <= max ? null : "'" + value + "' must be 1.." + max;
    } catch (NumberFormatException e) {
      return "'" + value + "' is not a whole number";
    }
  }

  /** A name that may be left empty (for its default or none). */
  private static String optionalName(String value) {
    return value.isEmpty() ? null : topicChars(value);
  }

  /** A number as a person writes it: 1000000000, not 1.0E9. */
  private static String plain(double value) {
    return BigDecimal.valueOf(value).toPlainString();
  }

  static String positiveNumber(String value) {
    try {
      double d = Double.parseDouble(value.trim());
      return d > 0 && !Double.isInfinite(d) ? null : "'" + value + "' must be a positive number";
    } catch (NumberFormatException e) {
      return "'" + value + "' is not a number";
    }
  }

  static String score(String value) {
    try {
      double d = Double.parseDouble(value.trim());
      return d > 0 && d <= 1 ? null : "'" + value + "' must be a score above 0 and at most 1";
    } catch (NumberFormatException e) {
      return "'" + value + "' is not a number";
    }
  }

  private static String positiveWholeNumber(String value) {
    try {
      return Integer.parseInt(value.trim()) >= 1
          ? null
          : "'" + value + "' must be a whole number of at least 1";
    } catch (NumberFormatException e) {
      return "'" + value + "' is not a whole number";
    }
  }

  static String trueOrFalse(String value) {
    return value.equals("true") || value.equals("false")
        ? null
        : "'" + value + "' must be true or false";
  }

  private static String barrelsPerTon(String value) {
    try {
      factorsIn(value);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** A validator from a check that returns what is wrong, or null. */
  static ConfigDef.Validator check(Function<String, String> problem) {
    return (name, value) -> {
      String wrong = value == null ? "a value is required" : problem.apply(value.toString().trim());
      if (wrong != null) {
        throw new BadSetting(name, value, wrong);
      }
    };
  }

  /** A bad value, keeping the check's own words apart from ConfigException's framing. */
  private static final class BadSetting extends ConfigException {
    private final String problem;

    BadSetting(String name, Object value, String problem) {
      super(name, value, problem);
      this.problem = problem;
    }
  }
}
