package io.transfermonitor.bench;

import io.transfermonitor.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics of one benchmark run: the input topics with the partition count under test,
 * the monitor's outputs and reference topics (compacted where the design says so) with the same
 * count, and the baseline's outputs.
 */
public final class BenchTopics {

  private BenchTopics() {}

  /** Creates every topic, replication factor 1; existing topics are left alone. */
  public static void create(Admin admin, Topics topics, List<String> extra, int partitions) {
    List<NewTopic> all = new ArrayList<>();
    for (String input : topics.eventTopics()) {
      all.add(new NewTopic(input, partitions, (short) 1));
    }
    all.add(new NewTopic(topics.alerts(), partitions, (short) 1));
    all.add(new NewTopic(topics.rejected(), partitions, (short) 1));
    for (String compacted :
        List.of(
            topics.rules(),
            topics.designations(),
            topics.capUsage(),
            topics.reportingGaps(),
            topics.activity())) {
      all.add(
          new NewTopic(compacted, partitions, (short) 1)
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }
    for (String out : extra) {
      all.add(new NewTopic(out, partitions, (short) 1));
    }
    for (NewTopic topic : all) {
      try {
        admin.createTopics(List.of(topic)).all().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }
}
