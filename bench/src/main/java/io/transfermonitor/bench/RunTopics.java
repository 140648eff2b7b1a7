package io.transfermonitor.bench;

import java.util.Comparator;
import java.util.List;

/**
 * Which topics belong to a benchmark run and what each is called in the report. A run's topics
 * start with one of its prefixes: the run's topic prefix ({@code bench-<run>.}, inputs and outputs)
 * or an application id followed by a dash ({@code bench-monitor-<run>-}, Kafka Streams' internal
 * topics). A topic's short name is its name without that prefix and, for an internal topic, without
 * its {@code -repartition} or {@code -changelog} suffix: the name the topology gave the stage
 * ({@code facts-by-rule}, {@code ledgers}).
 *
 * @param prefixes the run's prefixes
 * @param inputTopics the run's input topics (full names)
 */
public record RunTopics(List<String> prefixes, List<String> inputTopics) {

  public RunTopics {
    // the longest first, so a prefix that begins another never shortens a name too little
    prefixes =
        prefixes.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    inputTopics = List.copyOf(inputTopics);
  }

  /** Whether {@code topic} belongs to the run. */
  public boolean contains(String topic) {
    return prefixes.stream().anyMatch(topic::startsWith);
  }

  /** The class of {@code topic}, read off its name. */
  public TopicClass classOf(String topic) {
    return TopicClass.of(topic, inputTopics);
  }

  /** {@code topic} without the run's prefix and without its internal-topic suffix. */
  public String shortName(String topic) {
    String name = topic;
    for (String prefix : prefixes) {
      if (name.startsWith(prefix) && name.length() > prefix.length()) {
        name = name.substring(prefix.length());
        break;
      }
    }
    String suffix =
        switch (classOf(topic)) {
          case REPARTITION -> "-repartition";
          case CHANGELOG -> "-changelog";
          case INPUT, OUTPUT -> "";
        };
    return name.endsWith(suffix) && name.length() > suffix.length()
        ? name.substring(0, name.length() - suffix.length())
        : name;
  }
}
