package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.schemas.TopicLayout;
import io.transfermonitor.schemas.TopicProvisioner;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaStackExtension.class)
class TopicsCreateIT {

  @TempDir Path dir;

  @Test
  void shouldCreateEveryTopicOnceAndLeaveExistingOnesAlone(KafkaStack stack) throws Exception {
    String prefix = stack.uniqueName("cli") + ".";
    Path config = dir.resolve("tm.properties");
    Files.writeString(config, "tm.topic.prefix=" + prefix + "\n");
    Topics topics = Topics.withPrefix(prefix);

    CliRun first =
        CliRun.of(
            "topics",
            "create",
            "-b",
            stack.bootstrapServers(),
            "--config",
            config.toString(),
            "--partitions",
            "2");
    CliRun second =
        CliRun.of(
            "topics", "create", "-b", stack.bootstrapServers(), "--config", config.toString());

    assertThat(first.exit()).as(first.err()).isZero();
    // every topic the monitor uses, as many as the provisioner plans
    int all = TopicProvisioner.plan(topics, TopicLayout.defaults()).size();
    assertThat(first.outLines())
        .contains(
            "created  " + topics.alerts(),
            "created  " + topics.casesAudit(),
            "created  " + topics.ruleRecounts(),
            "created  " + topics.chpl(),
            "created  " + topics.makers());
    assertThat(first.out()).contains(all + " created with 2 partitions each, 0 already there");
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.outLines()).contains("exists   " + topics.alerts());
    assertThat(second.out()).contains("0 created").contains(all + " already there");
    try (Admin admin =
        Admin.create(Map.<String, Object>of("bootstrap.servers", stack.bootstrapServers()))) {
      Map<String, TopicDescription> described =
          admin.describeTopics(topics.eventTopics()).allTopicNames().get();
      assertThat(described.values()).allSatisfy(d -> assertThat(d.partitions()).hasSize(2));
    }
  }

  @Test
  void shouldSayWhichBrokerDidNotAnswer() {
    CliRun run =
        CliRun.of(
            "topics",
            "create",
            "-b",
            "127.0.0.1:1",
            "--config",
            writeConfig("kafka.default.api.timeout.ms=3000\nkafka.request.timeout.ms=1000\n"));

    assertThat(run.exit()).isEqualTo(TransferMonitor.EXIT_UNAVAILABLE);
    assertThat(run.err().strip())
        .startsWith("transfer-monitor topics create: cannot create topics on 127.0.0.1:1")
        .doesNotContain("\n");
  }

  private String writeConfig(String text) {
    try {
      Path file = Files.createTempFile(dir, "tm", ".properties");
      Files.writeString(file, text);
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
