package io.transfermonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.junit.jupiter.api.Test;

class PassCostTest {

  private static final String INPUT = "bench-r.tm.events.payment";
  private static final String REPARTITION = "bench-monitor-r-facts-by-rule-repartition";
  private static final String CHANGELOG = "bench-monitor-r-ledgers-changelog";
  private static final String ALERTS = "bench-r.tm.alerts";
  private static final List<String> INPUTS = List.of(INPUT);
  private static final RunTopics RUN =
      new RunTopics(List.of("bench-r.", "bench-monitor-r-"), INPUTS);

  private final Metrics metrics = new Metrics();

  private void record(String group, String name, Map<String, String> tags, double value) {
    Sensor sensor = metrics.sensor(group + name + tags);
    sensor.add(metrics.metricName(name, group, tags), new CumulativeSum());
    sensor.record(value);
  }

  private void written(String client, String topic, long records, long retried) {
    Map<String, String> tags = Map.of("client-id", client, "topic", topic);
    record("producer-topic-metrics", "record-send-total", tags, records + retried);
    record("producer-topic-metrics", "record-retry-total", tags, retried);
  }

  private void read(String client, String topicTag, long records, long bytes) {
    Map<String, String> tags = Map.of("client-id", client, "topic", topicTag);
    record("consumer-fetch-manager-metrics", "records-consumed-total", tags, records);
    record("consumer-fetch-manager-metrics", "bytes-consumed-total", tags, bytes);
  }

  @Test
  void shouldClassifyTopicsByTheirNames() {
    assertThat(TopicClass.of(INPUT, INPUTS)).isEqualTo(TopicClass.INPUT);
    assertThat(TopicClass.of(REPARTITION, INPUTS)).isEqualTo(TopicClass.REPARTITION);
    assertThat(TopicClass.of(CHANGELOG, INPUTS)).isEqualTo(TopicClass.CHANGELOG);
    assertThat(TopicClass.of(ALERTS, INPUTS)).isEqualTo(TopicClass.OUTPUT);
    assertThat(TopicClass.of("bench-r.baseline.payment", INPUTS)).isEqualTo(TopicClass.OUTPUT);
  }

  @Test
  void shouldSumClientMetricsPerTopicLessRetriesAndIgnoreClientLevelTotals() {
    // given two producers, one of which sent a batch of 10 again, and a client-level total
    written("p1", REPARTITION, 100, 10);
    written("p2", REPARTITION, 50, 0);
    record(
        "consumer-fetch-manager-metrics", "records-consumed-total", Map.of("client-id", "c1"), 999);
    record("producer-metrics", "flush-time-ns-total", Map.of("client-id", "p1"), 5_000);
    record("producer-metrics", "txn-send-offsets-time-ns-total", Map.of("client-id", "p1"), 1_000);
    record("producer-metrics", "txn-commit-time-ns-total", Map.of("client-id", "p1"), 1_000);

    // when
    ClientTraffic traffic = ClientTraffic.of(metrics.metrics());

    // then
    assertThat(traffic.recordsWritten()).containsExactly(Map.entry(REPARTITION, 150L));
    assertThat(traffic.recordsRead()).isEmpty();
    assertThat(traffic.commitNanos()).isEqualTo(7_000);
  }

  @Test
  void shouldCountATopicTaggedByNameAndByItsOldUnderscoreTagOnce() {
    // given one consumer that tags the input topic both ways, another only the old way
    read("c1", INPUT, 600, 60_000);
    read("c1", INPUT.replace('.', '_'), 600, 60_000);
    read("c2", INPUT.replace('.', '_'), 400, 40_000);

    // when
    ClientTraffic traffic = ClientTraffic.of(metrics.metrics()).named(INPUTS);

    // then
    assertThat(traffic.recordsRead()).containsExactly(Map.entry(INPUT, 1_000L));
    assertThat(traffic.bytesRead()).containsExactly(Map.entry(INPUT, 100_000L));
  }

  @Test
  void shouldDivideWhatEachClassOfTopicGrewByAndWhatWasReadByTheInputEvents() {
    // given a pass over 1,000 events that created its internal topics and committed 10
    // transactions, each writing to one repartition, one changelog and one alert partition
    LogSnapshot before =
        new LogSnapshot(Map.of(INPUT, 1_000L, ALERTS, 0L), Map.of(INPUT, 200_000L, ALERTS, 0L));
    LogSnapshot after =
        new LogSnapshot(
            Map.of(INPUT, 1_000L, ALERTS, 60L, REPARTITION, 1_010L, CHANGELOG, 2_010L),
            Map.of(INPUT, 200_000L, ALERTS, 9_000L, REPARTITION, 100_000L, CHANGELOG, 300_000L));
    written("p", REPARTITION, 1_000, 3);
    written("p", CHANGELOG, 2_000, 0);
    written("p", ALERTS, 50, 0);
    // the consumer's fetch metrics tag a topic with dots replaced by underscores
    read("c", INPUT.replace('.', '_'), 1_000, 180_000);
    read("c", REPARTITION, 1_000, 95_000);

    // when
    PassCost cost = PassCost.of(1_000, before, after, ClientTraffic.of(metrics.metrics()), RUN);

    // then
    assertThat(cost.flow(TopicClass.INPUT)).isEqualTo(new PassCost.Flow(0, 0, 0, 1_000, 180_000));
    assertThat(cost.flow(TopicClass.REPARTITION))
        .isEqualTo(new PassCost.Flow(1_000, 1_010, 100_000, 1_000, 95_000));
    assertThat(cost.flow(TopicClass.CHANGELOG))
        .isEqualTo(new PassCost.Flow(2_000, 2_010, 300_000, 0, 0));
    assertThat(cost.flow(TopicClass.OUTPUT)).isEqualTo(new PassCost.Flow(50, 60, 9_000, 0, 0));
    assertThat(cost.total().markers()).isEqualTo(30);
    assertThat(cost.perEvent(cost.total().recordsWritten())).isEqualTo(3.05);
    assertThat(cost.perEvent(cost.total().bytesWritten())).isEqualTo(409.0);
    assertThat(after.changelogBytes()).isEqualTo(300_000);
  }

  @Test
  void shouldNameEachTopicByItsStageAndListTheMostBytesWrittenFirst() {
    // given a pass that grew the changelog most, then the repartition topic, and only read the
    // input
    LogSnapshot before = new LogSnapshot(Map.of(INPUT, 1_000L), Map.of(INPUT, 200_000L));
    LogSnapshot after =
        new LogSnapshot(
            Map.of(INPUT, 1_000L, REPARTITION, 1_010L, CHANGELOG, 2_010L, "bench-r.tm.unused", 0L),
            Map.of(INPUT, 200_000L, REPARTITION, 100_000L, CHANGELOG, 300_000L));
    written("p", REPARTITION, 1_000, 0);
    written("p", CHANGELOG, 2_000, 0);
    read("c", INPUT, 1_000, 180_000);
    read("c", REPARTITION, 1_000, 95_000);

    // when
    PassCost cost = PassCost.of(1_000, before, after, ClientTraffic.of(metrics.metrics()), RUN);

    // then the topics the pass neither wrote nor read are left out, and the classes add up
    assertThat(cost.topics())
        .containsExactly(
            new PassCost.TopicFlow(
                CHANGELOG,
                "ledgers",
                TopicClass.CHANGELOG,
                new PassCost.Flow(2_000, 2_010, 300_000, 0, 0)),
            new PassCost.TopicFlow(
                REPARTITION,
                "facts-by-rule",
                TopicClass.REPARTITION,
                new PassCost.Flow(1_000, 1_010, 100_000, 1_000, 95_000)),
            new PassCost.TopicFlow(
                INPUT,
                "tm.events.payment",
                TopicClass.INPUT,
                new PassCost.Flow(0, 0, 0, 1_000, 180_000)));
    assertThat(cost.flow(TopicClass.CHANGELOG)).isEqualTo(cost.topics().get(0).flow());
    assertThat(cost.total()).isEqualTo(new PassCost.Flow(3_000, 3_020, 400_000, 2_000, 275_000));
  }

  @Test
  void shouldStripTheLongestPrefixOfTheRunAndTheInternalSuffix() {
    RunTopics run = new RunTopics(List.of("bench-r.", "bench-r.x-"), INPUTS);

    assertThat(run.shortName("bench-r.x-screened-events-changelog")).isEqualTo("screened-events");
    assertThat(run.shortName("bench-r.tm.alerts")).isEqualTo("tm.alerts");
    assertThat(run.shortName("elsewhere-repartition")).isEqualTo("elsewhere");
    assertThat(run.contains("bench-r.tm.alerts")).isTrue();
    assertThat(run.contains("bench-s.tm.alerts")).isFalse();
  }
}
