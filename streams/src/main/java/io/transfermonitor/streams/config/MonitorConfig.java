package io.transfermonitor.streams.config;

import io.transfermonitor.schemas.Topics;
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
 * @param maxFutureSkew how far an event time may lie after the wall clock before it is rejected
 *     ({@code tm.validation.max.future.skew})
 * @param ruleRecheckInterval how often (wall clock) ledgers are re-evaluated against changed rules
 *     ({@code tm.rule.recheck.interval})
 * @param commitInterval Kafka Streams {@code commit.interval.ms} ({@code tm.commit.interval})
 * @param caseQuietInterval how long after a case's last notification an update of it may notify
 *     again ({@code tm.case.quiet.interval})
 * @param casePartitions partitions of the repartition topics that bring alerts and operator actions
 *     to their case ({@code tm.case.partitions})
 */
public record MonitorConfig(
    Topics topics,
    String applicationId,
    Duration dedupRetention,
    Map<String, Double> barrelsPerTon,
    double barrelsPerKilolitre,
    Duration maxFutureSkew,
    Duration ruleRecheckInterval,
    Duration commitInterval,
    Duration caseQuietInterval,
    int casePartitions) {

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
    requirePositive(maxFutureSkew, "maxFutureSkew");
    requirePositive(ruleRecheckInterval, "ruleRecheckInterval");
    requirePositive(commitInterval, "commitInterval");
    requirePositive(caseQuietInterval, "caseQuietInterval");
    if (casePartitions < 1) {
      throw new IllegalArgumentException(
          "casePartitions must be at least 1, was " + casePartitions);
    }
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

  /** Builds a {@link MonitorConfig}; {@link #build()} checks every value. */
  public static final class Builder {
    private Topics topics;
    private String applicationId;
    private Duration dedupRetention;
    private Map<String, Double> barrelsPerTon;
    private double barrelsPerKilolitre;
    private Duration maxFutureSkew;
    private Duration ruleRecheckInterval;
    private Duration commitInterval;
    private Duration caseQuietInterval;
    private int casePartitions;

    private Builder(MonitorConfig from) {
      topics = from.topics;
      applicationId = from.applicationId;
      dedupRetention = from.dedupRetention;
      barrelsPerTon = from.barrelsPerTon;
      barrelsPerKilolitre = from.barrelsPerKilolitre;
      maxFutureSkew = from.maxFutureSkew;
      ruleRecheckInterval = from.ruleRecheckInterval;
      commitInterval = from.commitInterval;
      caseQuietInterval = from.caseQuietInterval;
      casePartitions = from.casePartitions;
    }

    public Builder topics(Topics value) {
      topics = value;
      return this;
    }

    public Builder applicationId(String value) {
      applicationId = value;
      return this;
    }

    public Builder dedupRetention(Duration value) {
      dedupRetention = value;
      return this;
    }

    public Builder barrelsPerTon(Map<String, Double> value) {
      barrelsPerTon = value;
      return this;
    }

    public Builder barrelsPerKilolitre(double value) {
      barrelsPerKilolitre = value;
      return this;
    }

    public Builder maxFutureSkew(Duration value) {
      maxFutureSkew = value;
      return this;
    }

    public Builder ruleRecheckInterval(Duration value) {
      ruleRecheckInterval = value;
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

    public MonitorConfig build() {
      return new MonitorConfig(
          topics,
          applicationId,
          dedupRetention,
          barrelsPerTon,
          barrelsPerKilolitre,
          maxFutureSkew,
          ruleRecheckInterval,
          commitInterval,
          caseQuietInterval,
          casePartitions);
    }
  }
}
