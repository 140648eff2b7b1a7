package io.transfermonitor.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.transfermonitor.schemas.Topics;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance restarted with fewer stream threads than its static members in the group (as after a
 * thread was replaced: the replacement joins under the next index) takes every task at once,
 * instead of leaving the extra members' tasks idle until their sessions time out (45 s).
 */
@ExtendWith(KafkaStackExtension.class)
class StaticMembersIT {

  @TempDir Path stateDir;

  @Test
  void shouldRemoveTheStaticMembersOfAnEarlierRunThatNoThreadTakesBack(KafkaStack stack)
      throws Exception {
    // given: an instance whose two stream threads are members INSTANCE-1 and INSTANCE-2, stopped
    // without leaving the group (as a static member stops)
    Topics topics = stack.uniqueTopics();
    MonitorConfig config =
        MonitorConfig.builder()
            .topics(topics)
            .applicationId(stack.uniqueName("static-members"))
            .instanceId("static-it")
            .build();
    Properties twoThreads = StackProperties.of(stack, stateDir);
    twoThreads.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
    int tasks;
    try (MonitorApplication first = MonitorApplication.start(twoThreads, config)) {
      first.awaitRunning(Duration.ofSeconds(90));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> activeTasks(first) > 0 && members(stack, config).size() == 2);
      tasks = activeTasks(first);
    }
    assertThat(members(stack, config)).containsExactlyInAnyOrder("static-it-1", "static-it-2");

    // when: it starts again with one thread
    try (MonitorApplication second =
        MonitorApplication.start(StackProperties.of(stack, stateDir), config)) {
      second.awaitRunning(Duration.ofSeconds(90));

      // then: the member no thread takes back is gone, and the one thread has every task well
      // before that member's session would have timed out
      assertThat(members(stack, config)).doesNotContain("static-it-2");
      await().atMost(Duration.ofSeconds(30)).until(() -> activeTasks(second) == tasks);
    }
  }

  private static int activeTasks(MonitorApplication monitor) {
    return monitor.streams().metadataForLocalThreads().stream()
        .mapToInt((ThreadMetadata t) -> t.activeTasks().size())
        .sum();
  }

  private static List<String> members(KafkaStack stack, MonitorConfig config) throws Exception {
    try (Admin admin = Admin.create(PartitionCounts.adminProperties(stackProps(stack)))) {
      return admin
          .describeConsumerGroups(List.of(config.applicationId()))
          .describedGroups()
          .get(config.applicationId())
          .get(10, TimeUnit.SECONDS)
          .members()
          .stream()
          .map(MemberDescription::groupInstanceId)
          .flatMap(Optional::stream)
          .toList();
    }
  }

  private static Properties stackProps(KafkaStack stack) {
    Properties props = new Properties();
    props.putAll(stack.clientProperties());
    return props;
  }
}
