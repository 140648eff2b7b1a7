package io.transfermonitor.streams.app;

import io.transfermonitor.streams.config.MonitorConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the monitor takes from the topics as it finds them on the cluster, before it starts.
 *
 * <p>Cases: the case stage reads the alert topic, where each alert lies on the partition of its
 * case, and the operator actions through a repartition topic keyed by case id: both must have the
 * same number of partitions for a case to meet its actions. So the monitor takes that number from
 * the alert topic, whatever {@code tm.case.partitions} says.
 *
 * <p>Track tasks: the encounter search waits, when it starts, until it has heard from every task
 * that reads a partition of the AIS positions (EncounterProcessor); their number is the positions
 * topic's partition count.
 */
final class PartitionCounts {

  private static final Logger LOG = LoggerFactory.getLogger(PartitionCounts.class);
  private static final long TIMEOUT_SECONDS = 30;

  private PartitionCounts() {}

  /**
   * {@code config} with the alert topic's partition count as its case partitions, and the AIS
   * positions topic's as its number of track tasks; a count it cannot read is left as it was.
   */
  static MonitorConfig fromTopics(Properties kafkaProps, MonitorConfig config) {
    String alerts = config.topics().alerts();
    String positions = config.topics().aisPositions();
    Map<String, Integer> counts = counts(kafkaProps, List.of(alerts, positions));
    MonitorConfig.Builder counted = config.toBuilder();
    Integer cases = counts.get(alerts);
    if (cases != null) {
      if (cases != config.casePartitions()) {
        LOG.info(
            "{} has {} partitions: cases and their actions use {} (tm.case.partitions says {})",
            alerts,
            cases,
            cases,
            config.casePartitions());
      }
      counted.casePartitions(cases);
    }
    Integer tracks = counts.get(positions);
    if (tracks != null) {
      counted.ais(config.ais().withTrackTasks(tracks));
    }
    return counted.build();
  }

  /**
   * The partition count of each of {@code topics} that exists; none when the cluster is not told.
   */
  private static Map<String, Integer> counts(Properties kafkaProps, List<String> topics) {
    Map<String, Integer> counts = new HashMap<>();
    try (Admin admin = Admin.create(adminProperties(kafkaProps))) {
      var described = admin.describeTopics(topics).topicNameValues();
      for (String topic : topics) {
        try {
          counts.put(
              topic,
              described.get(topic).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).partitions().size());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
            LOG.warn("cannot describe {}: {}", topic, e.getCause().toString());
          }
          // a missing topic stops Kafka Streams itself, naming it
        } catch (TimeoutException e) {
          LOG.warn("no answer about {} within {} s", topic, TIMEOUT_SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return counts;
  }

  /** The admin client's own keys of {@code kafkaProps} (connection and security). */
  static Map<String, Object> adminProperties(Properties kafkaProps) {
    Set<String> known = AdminClientConfig.configNames();
    Map<String, Object> admin = new HashMap<>();
    kafkaProps.forEach(
        (key, value) -> {
          if (known.contains(key.toString())) {
            admin.put(key.toString(), value);
          }
        });
    return admin;
  }
}
