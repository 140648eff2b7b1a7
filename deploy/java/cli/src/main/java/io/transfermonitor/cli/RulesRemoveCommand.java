package io.transfermonitor.cli;

import io.transfermonitor.cli.kafka.Reachability;
import io.transfermonitor.cli.settings.LocalDefaults;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.model.Rule;
import io.transfermonitor.producers.rules.RulePublisher;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor rules remove ID...}: writes a tombstone for each named rule to the
 * compacted rules topic, after reading it to its end: an id the topic does not hold is refused and
 * nothing is written. The running monitor stops counting the rule at once and says so (log, {@code
 * tm.rules.switched.off}); its ledgers, cap usage and cases stay as they are.
 */
@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    description = {
      "Removes rules from the rules topic (a tombstone each); the monitor stops counting them.",
      "Their ledgers and cases stay as they are. An id the topic does not hold is refused and"
          + " nothing is written."
    })
public class RulesRemoveCommand implements Callable<Integer> {

  @Mixin SettingsOptions options;

  @Parameters(arity = "1..*", paramLabel = "ID", description = "Rule ids, e.g. my-old-cap.")
  List<String> ids = new ArrayList<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Settings settings = options.settings();
    String topic = settings.topics().rules();
    Map<String, Object> props =
        settings.clientProperties(LocalDefaults.BOOTSTRAP, LocalDefaults.REGISTRY);
    props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    Reachability.require(props, Optional.of(LocalDefaults.registryUrl(settings)));
    Map<String, Rule> held =
        RulesApplyCommand.onTopic(topic, props, () -> RulePublisher.held(props, topic));
    List<String> unknown = ids.stream().filter(id -> !held.containsKey(id)).toList();
    if (!unknown.isEmpty()) {
      throw new UnknownRule(
          (unknown.size() == 1 ? "no rule " : "no rules ")
              + String.join(", ", unknown)
              + " on "
              + topic
              + " (live: "
              + (held.isEmpty() ? "none" : String.join(", ", held.keySet()))
              + "); nothing written");
    }
    RulesApplyCommand.onTopic(
        topic,
        props,
        () -> {
          RulePublisher.remove(props, topic, ids);
          return null;
        });
    PrintWriter out = spec.commandLine().getOut();
    ids.forEach(id -> out.println(RulesApplyCommand.removed("removed ", held.get(id))));
    out.printf("%d rule%s removed from %s%n", ids.size(), ids.size() == 1 ? "" : "s", topic);
    return 0;
  }

  /** A rule id the topic does not hold; nothing was written. */
  static final class UnknownRule extends RuntimeException {
    UnknownRule(String message) {
      super(message);
    }
  }
}
