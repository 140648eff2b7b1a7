package io.transfermonitor.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicProvisionerTest {

  private final Topics topics = Topics.withPrefix("x.");

  @Test
  void shouldPlanEveryTopicOfTheMonitorOnce() {
    List<NewTopic> plan = TopicProvisioner.plan(topics, TopicLayout.defaults());

    assertThat(plan)
        .extracting(NewTopic::name)
        .doesNotHaveDuplicates()
        .containsAll(topics.eventTopics())
        .contains(
            topics.rules(),
            topics.designations(),
            topics.alerts(),
            topics.rejected(),
            topics.capUsage(),
            topics.reportingGaps(),
            topics.activity(),
            topics.cases(),
            topics.caseActions(),
            topics.notifications(),
            topics.casesAudit(),
            topics.aisPositions(),
            topics.aisVoyages(),
            topics.vessels(),
            topics.aisFindings(),
            topics.components(),
            topics.ruleRecounts(),
            topics.chpl(),
            topics.makers())
        .hasSize(topics.eventTopics().size() + 19);
  }

  @Test
  void shouldCompactReferenceAndAggregateTopicsAndExpireTheRest() {
    Map<String, Map<String, String>> configs =
        TopicProvisioner.plan(topics, TopicLayout.defaults()).stream()
            .collect(Collectors.toMap(NewTopic::name, NewTopic::configs));

    assertThat(configs.get(topics.rules())).containsEntry("cleanup.policy", "compact");
    assertThat(configs.get(topics.designations())).containsEntry("cleanup.policy", "compact");
    assertThat(configs.get(topics.capUsage())).containsEntry("cleanup.policy", "compact");
    assertThat(configs.get(topics.alerts()))
        .containsEntry("cleanup.policy", "delete")
        .containsEntry("retention.ms", String.valueOf(Duration.ofDays(365).toMillis()));
    assertThat(configs.get(topics.rejected()))
        .containsEntry("retention.ms", String.valueOf(Duration.ofDays(30).toMillis()));
    assertThat(configs.get(topics.cases())).containsEntry("cleanup.policy", "compact");
    assertThat(configs.get(topics.caseActions())).containsEntry("retention.ms", "-1");
    assertThat(configs.get(topics.casesAudit()))
        .containsEntry("cleanup.policy", "delete")
        .containsEntry("retention.ms", "-1");
    assertThat(configs.get(topics.vessels())).containsEntry("cleanup.policy", "compact");
    assertThat(configs.get(topics.aisFindings())).containsEntry("cleanup.policy", "compact");
    assertThat(configs.get(topics.components())).containsEntry("cleanup.policy", "compact");
    assertThat(configs.get(topics.ruleRecounts())).containsEntry("cleanup.policy", "compact");
    assertThat(configs.get(topics.chpl())).containsEntry("cleanup.policy", "compact");
    assertThat(configs.get(topics.makers())).containsEntry("cleanup.policy", "compact");
    assertThat(configs.get(topics.aisPositions())).containsEntry("cleanup.policy", "delete");
  }

  @Test
  void shouldUseTheLayoutsPartitionsAndLeaveReplicationToTheBrokerByDefault() {
    List<NewTopic> plan = TopicProvisioner.plan(topics, TopicLayout.defaults().withPartitions(6));

    assertThat(plan).allSatisfy(t -> assertThat(t.numPartitions()).isEqualTo(6));
    assertThat(plan).allSatisfy(t -> assertThat(t.replicationFactor()).isEqualTo((short) -1));
  }

  @Test
  void shouldRejectALayoutWithoutPartitions() {
    assertThatThrownBy(() -> TopicLayout.defaults().withPartitions(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partitions");
  }
}
