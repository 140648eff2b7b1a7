package io.transfermonitor.bench;

import io.transfermonitor.schemas.TopicLayout;
import io.transfermonitor.schemas.TopicProvisioner;
import io.transfermonitor.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics of one benchmark run: every topic of the monitor, shaped as {@code topics
 * create} shapes them ({@link TopicProvisioner}: compacted where the design says so), with the
 * partition count under test, and the baseline's outputs with the same count.
 */
public final class BenchTopics {

  private BenchTopics() {}

  /** Creates every topic, replication factor 1; existing topics are left alone. */
  public static void create(Admin admin, Topics topics, List<String> extra, int partitions) {
    TopicProvisioner.createAll(
        admin,
        topics,
        TopicLayout.defaults().withPartitions(partitions).withReplicationFactor((short) 1));
    List<NewTopic> outputs = new ArrayList<>();
    for (String out : extra) {
      outputs.add(new NewTopic(out, partitions, (short) 1));
    }
    for (NewTopic topic : outputs) {
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
