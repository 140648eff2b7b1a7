package io.transfermonitor.bench;

import java.util.Collection;

/**
 * What a topic of a benchmark run is for, read off its name: the {@code tm.events.*} input topics
 * of the run, Kafka Streams' internal {@code <application id>-...-repartition} and {@code
 * -changelog} topics, and every other topic (alerts, aggregates, rejected records, the baseline's
 * outputs; on the read side also the rules the global consumer reads) as output.
 */
public enum TopicClass {
  INPUT("input"),
  REPARTITION("repartition"),
  CHANGELOG("changelog"),
  OUTPUT("output");

  private final String label;

  TopicClass(String label) {
    this.label = label;
  }

  /** The column heading in the report. */
  public String label() {
    return label;
  }

  /** The class of {@code topic}, given the run's input topics. */
  public static TopicClass of(String topic, Collection<String> inputTopics) {
    if (inputTopics.contains(topic)) {
      return INPUT;
    }
    if (topic.endsWith("-repartition")) {
      return REPARTITION;
    }
    if (topic.endsWith("-changelog")) {
      return CHANGELOG;
    }
    return OUTPUT;
  }
}
