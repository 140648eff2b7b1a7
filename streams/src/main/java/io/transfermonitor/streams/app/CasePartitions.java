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
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case stage reads the alert topic, where each alert lies on the partition of its case, and the
 * operator actions through a repartition topic keyed by case id: both must have the same number of
 * partitions for a case to meet its actions. So the monitor takes that number from the alert topic
 * as it finds it on the cluster, whatever {@code tm.case.partitions} says.
 */
final class CasePartitions {

  private static final Logger LOG = LoggerFactory.getLogger(CasePartitions.class);
  private static final long TIMEOUT_SECONDS = 30;

  private CasePartitions() {}

  /** {@code config} with the alert topic's partition count as its case partitions. */
  static MonitorConfig fromAlertTopic(Properties kafkaProps, MonitorConfig config) {
    String alerts = config.topics().alerts();
    try (Admin admin = Admin.create(adminProperties(kafkaProps))) {
      TopicDescription topic =
          admin
              .describeTopics(List.of(alerts))
              .allTopicNames()
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .get(alerts);
      int partitions = topic.partitions().size();
      if (partitions != config.casePartitions()) {
        LOG.info(
            "{} has {} partitions: cases and their actions use {} (tm.case.partitions says {})",
            alerts,
            partitions,
            partitions,
            config.casePartitions());
      }
      return config.toBuilder().casePartitions(partitions).build();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
        LOG.warn("cannot describe {}: {}", alerts, e.getCause().toString());
      }
      // a missing topic stops Kafka Streams itself, naming it
      return config;
    } catch (TimeoutException e) {
      LOG.warn("no answer about {} within {} s", alerts, TIMEOUT_SECONDS);
      return config;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return config;
    }
  }

  /** The admin client's own keys of {@code kafkaProps} (connection and security). */
  private static Map<String, Object> adminProperties(Properties kafkaProps) {
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
