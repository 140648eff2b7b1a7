package io.transfermonitor.streams.config;

import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.validation.ValidationLimits;
import io.transfermonitor.streams.ais.AisSettings;
import io.transfermonitor.streams.corroborate.CorroborationRule;
import io.transfermonitor.streams.screen.ScreeningSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Typed, immutable configuration of the monitoring topology: topic names, application id, how long
 * event ids are remembered, unit conversion factors and time tolerances. Each field has a {@code
 * tm.*} setting with its default and documentation in {@link MonitorSettings}, the one place
 * defaults live; {@link #defaults()} and {@link #builder()} start from them.
 *
 * @param topics every topic read or written ({@code tm.topic.prefix})
 * @param applicationId Kafka Streams {@code application.id}; prefixes internal topics ({@code
 *     tm.application.id})
 * @param dedupRetention how long an event id is remembered to drop re-sends ({@code
 *     tm.dedup.retention})
 * @param barrelsPerTon barrels per metric ton, per product type; the product types it names are the
 *     known product types, and an event naming another is rejected ({@code tm.barrels.per.ton})
 * @param barrelsPerKilolitre barrels per kilolitre ({@code tm.barrels.per.kilolitre})
 * @param validationLimits the plausible ranges of event times, quantities, amounts, text, array
 *     items and encoded size ({@code tm.validation.*}: {@code max.future.skew}, {@code
 *     earliest.event.time}, {@code max.quantity}, {@code max.amount}, {@code max.text.bytes},
 *     {@code max.items}, {@code max.event.bytes})
 * @param ruleRecheckInterval how often (wall clock) ledgers are re-evaluated against changed rules
 *     ({@code tm.rule.recheck.interval})
 * @param commitInterval Kafka Streams {@code commit.interval.ms} ({@code tm.commit.interval})
 * @param instanceId Kafka's {@code group.instance.id} for static membership, empty for dynamic
 *     membership ({@code tm.instance.id})
 * @param screeningThreshold a party matching a designation at or above this score raises a SCREEN
 *     alert ({@code tm.screening.threshold})
 * @param nearMissThreshold a best match at or above this but below the threshold is counted as a
 *     near miss, never alerted ({@code tm.screening.near.miss.threshold})
 * @param screeningLookBack how long events are kept for rescreening when a designation arrives
 *     ({@code tm.screening.lookback})
 * @param rescreenInterval how often (wall clock) new designations are looked for to rescreen past
 *     events ({@code tm.screening.rescreen.interval})
 * @param caseQuietInterval how long after a case's last notification an update of it may notify
 *     again ({@code tm.case.quiet.interval})
 * @param casePartitions partitions of the repartition topics that bring alerts and operator actions
 *     to their case ({@code tm.case.partitions})
 * @param corroborationWindow how far after a delivery's first observation another observation of
 *     the same vessel still belongs to it ({@code tm.corroboration.window})
 * @param corroborationSamePort whether observations at different discharge ports are different
 *     deliveries ({@code tm.corroboration.same.port})
 * @param ais the AIS stages' settings ({@code tm.ais.*})
 */
public record MonitorConfig(
    Topics topics,
    String applicationId,
    Duration dedupRetention,
    Map<String, Double> barrelsPerTon,
    double barrelsPerKilolitre,
    ValidationLimits validationLimits,
    Duration ruleRecheckInterval,
    Duration commitInterval,
    String instanceId,
    double screeningThreshold,
    double nearMissThreshold,
    Duration screeningLookBack,
    Duration rescreenInterval,
    Duration caseQuietInterval,
    int casePartitions,
    Duration corroborationWindow,
    boolean corroborationSamePort,
    AisSettings ais) {

  public MonitorConfig {
    Objects.requireNonNull(topics, "topics");
    requireText(applicationId, "applicationId");
    requirePositive(dedupRetention, "dedupRetention");
    Objects.requireNonNull(barrelsPerTon, "barrelsPerTon");
    barrelsPerTon.forEach(
        (product, factor) -> {
          if (factor == null || !(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException(
                "barrelsPerTon." + product + " must be a positive number, was " + factor);
          }
        });
    barrelsPerTon = Map.copyOf(barrelsPerTon);
    if (!(barrelsPerKilolitre > 0) || Double.isInfinite(barrelsPerKilolitre)) {
      throw new IllegalArgumentException(
          "barrelsPerKilolitre must be positive, was " + barrelsPerKilolitre);
    }
    Objects.requireNonNull(validationLimits, "validationLimits");
    requirePositive(ruleRecheckInterval, "ruleRecheckInterval");
    requirePositive(commitInterval, "commitInterval");
    instanceId = instanceId == null ? "" : instanceId.trim();
    requirePositive(screeningLookBack, "screeningLookBack");
    requirePositive(rescreenInterval, "rescreenInterval");
    screening(screeningThreshold, nearMissThreshold, screeningLookBack, rescreenInterval);
    requirePositive(caseQuietInterval, "caseQuietInterval");
    if (casePartitions < 1) {
      throw new IllegalArgumentException(
          "casePartitions must be at least 1, was " + casePartitions);
    }
    requirePositive(corroborationWindow, "corroborationWindow");
    Objects.requireNonNull(ais, "ais");
  }

  /** How far an event time may lie after the wall clock ({@code tm.validation.max.future.skew}). */
  public Duration maxFutureSkew() {
    return validationLimits.maxFutureSkew();
  }

  /** The screening stage's settings. */
  public ScreeningSettings screening() {
    return screening(screeningThreshold, nearMissThreshold, screeningLookBack, rescreenInterval);
  }

  private static ScreeningSettings screening(
      double threshold, double nearMiss, Duration lookBack, Duration interval) {
    return new ScreeningSettings(threshold, nearMiss, lookBack, interval);
  }

  /** Every setting at its default ({@link MonitorSettings}). */
  public static MonitorConfig defaults() {
    return MonitorSettings.parse(Map.of());
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return defaults().toBuilder();
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** When observations are one delivery, from the corroboration settings. */
  public CorroborationRule corroborationRule() {
    return new CorroborationRule(corroborationWindow, corroborationSamePort);
  }

  /** Product types events may name: the keys of {@link #barrelsPerTon()}. */
  public Set<String> knownProducts() {
    return barrelsPerTon.keySet();
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
    }
  }

  /**
   * Builds a {@link MonitorConfig} from another, changing what a program sets (topics and
   * application id of a test or a benchmark run, a commit interval); every other value comes from
   * the settings ({@link MonitorSettings#parse}). {@link #build()} checks every value.
   */
  public static final class Builder {
    private Topics topics;
    private String applicationId;
    private Duration dedupRetention;
    private Map<String, Double> barrelsPerTon;
    private double barrelsPerKilolitre;
    private ValidationLimits validationLimits;
    private Duration ruleRecheckInterval;
    private Duration commitInterval;
    private String instanceId;
    private double screeningThreshold;
    private double nearMissThreshold;
    private Duration screeningLookBack;
    private Duration rescreenInterval;
    private Duration caseQuietInterval;
    private int casePartitions;
    private Duration corroborationWindow;
    private boolean corroborationSamePort;
    private AisSettings ais;

    private Builder(MonitorConfig from) {
      topics = from.topics;
      applicationId = from.applicationId;
      dedupRetention = from.dedupRetention;
      barrelsPerTon = from.barrelsPerTon;
      barrelsPerKilolitre = from.barrelsPerKilolitre;
      validationLimits = from.validationLimits;
      ruleRecheckInterval = from.ruleRecheckInterval;
      commitInterval = from.commitInterval;
      instanceId = from.instanceId;
      screeningThreshold = from.screeningThreshold;
      nearMissThreshold = from.nearMissThreshold;
      screeningLookBack = from.screeningLookBack;
      rescreenInterval = from.rescreenInterval;
      caseQuietInterval = from.caseQuietInterval;
      casePartitions = from.casePartitions;
      corroborationWindow = from.corroborationWindow;
      corroborationSamePort = from.corroborationSamePort;
      ais = from.ais;
    }

    public Builder topics(Topics value) {
      topics = value;
      return this;
    }

    public Builder applicationId(String value) {
      applicationId = value;
      return this;
    }

    public Builder barrelsPerTon(Map<String, Double> value) {
      barrelsPerTon = value;
      return this;
    }

    public Builder instanceId(String value) {
      instanceId = value;
      return this;
    }

    public Builder commitInterval(Duration value) {
      commitInterval = value;
      return this;
    }

    public Builder caseQuietInterval(Duration value) {
      caseQuietInterval = value;
      return this;
    }

    public Builder casePartitions(int value) {
      casePartitions = value;
      return this;
    }

    public Builder ais(AisSettings value) {
      ais = value;
      return this;
    }

    public MonitorConfig build() {
      return new MonitorConfig(
          topics,
          applicationId,
          dedupRetention,
          barrelsPerTon,
          barrelsPerKilolitre,
          validationLimits,
          ruleRecheckInterval,
          commitInterval,
          instanceId,
          screeningThreshold,
          nearMissThreshold,
          screeningLookBack,
          rescreenInterval,
          caseQuietInterval,
          casePartitions,
          corroborationWindow,
          corroborationSamePort,
          ais);
    }
  }
}
