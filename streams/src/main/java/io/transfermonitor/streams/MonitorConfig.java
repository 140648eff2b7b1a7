package io.transfermonitor.streams;

import io.transfermonitor.schemas.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Typed, immutable configuration of the monitoring topology: topic names, application id, how long
 * event ids are remembered, unit conversion factors and time tolerances. {@link #defaults()} gives
 * the values of the domain brief; the {@code with...} methods return changed copies.
 *
 * @param topics every topic read or written
 * @param applicationId Kafka Streams {@code application.id}; prefixes internal topics
 * @param dedupRetention how long an event id is remembered to drop re-sends (default 400 days)
 * @param barrelsPerTon barrels per metric ton, per product type (the product types it names are the
 *     known product types; an event naming another is rejected)
 * @param barrelsPerKilolitre barrels per kilolitre (6.2898)
 * @param maxFutureSkew how far an event time may lie after the wall clock before it is rejected
 * @param ruleRecheckInterval how often (wall clock) ledgers are re-evaluated against changed rules
 * @param commitInterval Kafka Streams {@code commit.interval.ms}
 */
public record MonitorConfig(
    Topics topics,
    String applicationId,
    Duration dedupRetention,
    Map<String, Double> barrelsPerTon,
    double barrelsPerKilolitre,
    Duration maxFutureSkew,
    Duration ruleRecheckInterval,
    Duration commitInterval) {

  /**
   * Default barrels per metric ton. Refined products follow the 1718 Committee's usual factors;
   * crude is 4,000,000 bbl / 525,000 t = 7.62 (UNSCR 2397 OP4); REFINED_UNSPECIFIED uses 7.33, the
   * factor commonly used for refined products of unknown mix (between diesel and gasoline).
   */
  public static final Map<String, Double> DEFAULT_BARRELS_PER_TON =
      Map.of(
          "LPG", 11.6,
          "GASOLINE", 8.5,
          "KEROSENE", 7.8,
          "DIESEL", 7.5,
          "FUEL_OIL", 6.7,
          "CRUDE", 7.62,
          "REFINED_UNSPECIFIED", 7.33);

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
    if (!(barrelsPerKilolitre > 0)) {
      throw new IllegalArgumentException(
          "barrelsPerKilolitre must be positive, was " + barrelsPerKilolitre);
    }
    requirePositive(maxFutureSkew, "maxFutureSkew");
    requirePositive(ruleRecheckInterval, "ruleRecheckInterval");
    requirePositive(commitInterval, "commitInterval");
  }

  /** The defaults of the domain brief, on the default topics. */
  public static MonitorConfig defaults() {
    return new MonitorConfig(
        Topics.defaults(),
        "transfer-monitor",
        Duration.ofDays(400),
        DEFAULT_BARRELS_PER_TON,
        6.2898,
        Duration.ofDays(1),
        Duration.ofSeconds(1),
        Duration.ofMillis(100));
  }

  public MonitorConfig withTopics(Topics newTopics) {
    return new MonitorConfig(
        newTopics,
        applicationId,
        dedupRetention,
        barrelsPerTon,
        barrelsPerKilolitre,
        maxFutureSkew,
        ruleRecheckInterval,
        commitInterval);
  }

  public MonitorConfig withApplicationId(String newApplicationId) {
    return new MonitorConfig(
        topics,
        newApplicationId,
        dedupRetention,
        barrelsPerTon,
        barrelsPerKilolitre,
        maxFutureSkew,
        ruleRecheckInterval,
        commitInterval);
  }

  public MonitorConfig withDedupRetention(Duration retention) {
    return new MonitorConfig(
        topics,
        applicationId,
        retention,
        barrelsPerTon,
        barrelsPerKilolitre,
        maxFutureSkew,
        ruleRecheckInterval,
        commitInterval);
  }

  public MonitorConfig withBarrelsPerTon(Map<String, Double> factors) {
    return new MonitorConfig(
        topics,
        applicationId,
        dedupRetention,
        factors,
        barrelsPerKilolitre,
        maxFutureSkew,
        ruleRecheckInterval,
        commitInterval);
  }

  public MonitorConfig withMaxFutureSkew(Duration skew) {
    return new MonitorConfig(
        topics,
        applicationId,
        dedupRetention,
        barrelsPerTon,
        barrelsPerKilolitre,
        skew,
        ruleRecheckInterval,
        commitInterval);
  }

  public MonitorConfig withRuleRecheckInterval(Duration interval) {
    return new MonitorConfig(
        topics,
        applicationId,
        dedupRetention,
        barrelsPerTon,
        barrelsPerKilolitre,
        maxFutureSkew,
        interval,
        commitInterval);
  }

  public MonitorConfig withCommitInterval(Duration interval) {
    return new MonitorConfig(
        topics,
        applicationId,
        dedupRetention,
        barrelsPerTon,
        barrelsPerKilolitre,
        maxFutureSkew,
        ruleRecheckInterval,
        interval);
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
}
