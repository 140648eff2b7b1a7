package io.transfermonitor.cli;

import io.transfermonitor.cli.kafka.Reachability;
import io.transfermonitor.cli.kafka.UnavailableException;
import io.transfermonitor.cli.settings.LocalDefaults;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.schemas.TopicLayout;
import io.transfermonitor.schemas.TopicProvisioner;
import io.transfermonitor.schemas.Topics;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code transfer-monitor topics}: managing the monitor's topics. */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = "Manages the topics transfer-monitor uses.",
    subcommands = {TopicsCommand.Create.class, CommandLine.HelpCommand.class})
public class TopicsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code topics create}: every topic of the monitor (names from {@code tm.topic.prefix}) with
   * partitions, retention and compaction; existing topics are reported and left alone.
   */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Creates every topic transfer-monitor uses, with partitions, retention and compaction.",
        "Idempotent: topics that exist already are listed and left as they are."
      })
  public static class Create implements Callable<Integer> {

    @Mixin SettingsOptions options;

    @Option(
        names = "--partitions",
        paramLabel = "N",
        description = "Partitions per topic (else tm.topic.partitions, default 3).")
    String partitions;

    @Option(
        names = "--replication-factor",
        paramLabel = "N",
        description =
            "Replicas per partition (else tm.topic.replication.factor; -1 = broker default).")
    String replicationFactor;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Settings settings =
          options
              .override("tm.topic.partitions", partitions)
              .override("tm.topic.replication.factor", replicationFactor)
              .settings();
      Topics topics = settings.topics();
      TopicLayout layout = settings.topicLayout();
      Map<String, Object> props = settings.kafkaClientProperties(LocalDefaults.BOOTSTRAP);
      props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
      props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
      try {
        Reachability.require(props, Optional.empty());
      } catch (UnavailableException e) {
        throw new UnavailableException(
            "cannot create topics on " + props.get("bootstrap.servers") + ": " + e.getMessage(), e);
      }
      List<TopicProvisioner.Outcome> outcomes;
      try (Admin admin = Admin.create(props)) {
        outcomes = TopicProvisioner.createAll(admin, topics, layout);
      } catch (IllegalStateException e) {
        throw new UnavailableException(
            "cannot create topics on " + props.get("bootstrap.servers") + ": " + e.getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      int created = 0;
      for (TopicProvisioner.Outcome outcome : outcomes) {
        out.println((outcome.created() ? "created  " : "exists   ") + outcome.topic());
        created += outcome.created() ? 1 : 0;
      }
      out.printf(
          "%d created with %d partitions each, %d already there, on %s%n",
          created, layout.partitions(), outcomes.size() - created, props.get("bootstrap.servers"));
      return 0;
    }
  }
}
