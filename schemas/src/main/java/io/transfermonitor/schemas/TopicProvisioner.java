package io.transfermonitor.schemas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates every topic the monitor uses, as named by {@link Topics} and shaped by {@link
 * TopicLayout}: events, alerts, notifications and rejected records with time retention; case
 * actions kept forever; rules, designations, aggregates and cases compacted. Idempotent: topics
 * that already exist are reported and left as they are.
 */
public final class TopicProvisioner {

  /** What happened to one topic. */
  public record Outcome(String topic, boolean created) {}

  private TopicProvisioner() {}

  /** The topics to create, in a stable order (events first), without touching a cluster. */
  public static List<NewTopic> plan(Topics topics, TopicLayout layout) {
    Map<String, Map<String, String>> configs = new LinkedHashMap<>();
    for (String event : topics.eventTopics()) {
      configs.put(event, deleteAfter(layout.eventRetention().toMillis()));
    }
    configs.put(topics.rejected(), deleteAfter(layout.rejectedRetention().toMillis()));
    configs.put(topics.alerts(), deleteAfter(layout.alertRetention().toMillis()));
    configs.put(topics.rules(), compacted());
    configs.put(topics.designations(), compacted());
    configs.put(topics.capUsage(), compacted());
    configs.put(topics.reportingGaps(), compacted());
    configs.put(topics.activity(), compacted());
    configs.put(topics.components(), compacted());
    configs.put(topics.cases(), compacted());
    configs.put(topics.ruleRecounts(), compacted());
    configs.put(topics.notifications(), deleteAfter(layout.alertRetention().toMillis()));
    // an audit trail of who did what to a case: never expired
    configs.put(topics.caseActions(), deleteAfter(-1));
    configs.put(topics.casesAudit(), deleteAfter(-1));
    // AIS: positions and voyages kept like events; the register and the findings compacted
    configs.put(topics.aisPositions(), deleteAfter(layout.eventRetention().toMillis()));
    configs.put(topics.aisVoyages(), deleteAfter(layout.eventRetention().toMillis()));
    configs.put(topics.vessels(), compacted());
    configs.put(topics.aisFindings(), compacted());
    // reference data for component findings: the priority list and the makers table
    configs.put(topics.chpl(), compacted());
    configs.put(topics.makers(), compacted());
    Optional<Short> replication =
        layout.replicationFactor() < 0 ? Optional.empty() : Optional.of(layout.replicationFactor());
    List<NewTopic> plan = new ArrayList<>();
    configs.forEach(
        (name, config) ->
            plan.add(
                new NewTopic(name, Optional.of(layout.partitions()), replication).configs(config)));
    return plan;
  }

  /**
   * Creates every planned topic that does not exist yet. Returns one {@link Outcome} per topic, in
   * plan order.
   *
   * @throws IllegalStateException naming the topic when the cluster refuses one for another reason
   */
  public static List<Outcome> createAll(Admin admin, Topics topics, TopicLayout layout) {
    List<NewTopic> plan = plan(topics, layout);
    Map<String, KafkaFuture<Void>> results = admin.createTopics(plan).values();
    List<Outcome> outcomes = new ArrayList<>();
    for (NewTopic topic : plan) {
      try {
        results.get(topic.name()).get();
        outcomes.add(new Outcome(topic.name(), true));
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException(
              "cannot create topic '" + topic.name() + "': " + e.getCause().getMessage(),
              e.getCause());
        }
        outcomes.add(new Outcome(topic.name(), false));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted creating topic '" + topic.name() + "'", e);
      }
    }
    return outcomes;
  }

  private static Map<String, String> deleteAfter(long millis) {
    return Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG,
        TopicConfig.CLEANUP_POLICY_DELETE,
        TopicConfig.RETENTION_MS_CONFIG,
        String.valueOf(millis));
  }

  private static Map<String, String> compacted() {
    return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
  }
}
