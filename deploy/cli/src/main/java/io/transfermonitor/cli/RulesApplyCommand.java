package io.transfermonitor.cli;

import io.transfermonitor.model.Rule;
import io.transfermonitor.producers.rules.RuleFile;
import io.transfermonitor.producers.rules.RulePublisher;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor rules apply FILE}: reads a YAML rules file ({@link RuleFile}) and
 * publishes every rule to the compacted rules topic ({@code <prefix>reference.rules}), key = rule
 * id, value = Avro {@link Rule} in the Confluent wire format. The running monitor applies them
 * live. With {@code --dry-run} it only checks the file and lists what it would publish.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes the rules of a YAML file to the rules topic; the monitor applies them live.",
      "A changed limit or level re-evaluates current totals at once."
    })
public class RulesApplyCommand implements Callable<Integer> {

  @Mixin SettingsOptions options;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "Rules file, e.g. deploy/config/rules.yaml.")
  Path file;

  @Option(names = "--dry-run", description = "Check the file and list the rules; publish nothing.")
  boolean dryRun;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<Rule> rules;
    try {
      rules = RuleFile.load(file);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new SettingsException(file.toString(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (dryRun) {
      rules.forEach(rule -> out.println("would publish " + describe(rule)));
      out.printf("%d rules checked, nothing published (--dry-run)%n", rules.size());
      return 0;
    }
    Settings settings = options.settings();
    String topic = settings.topics().rules();
    Map<String, Object> props =
        settings.clientProperties(TopicsCommand.LOCAL_BOOTSTRAP, AlertsCommand.LOCAL_REGISTRY);
    props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    try {
      RulePublisher.publish(props, topic, rules);
    } catch (IllegalStateException | KafkaException e) {
      throw new UnavailableException(
          "cannot publish rules to "
              + topic
              + " on "
              + props.get("bootstrap.servers")
              + ": "
              + e.getMessage(),
          e);
    }
    rules.forEach(rule -> out.println("published " + describe(rule)));
    out.printf("%d rules published to %s%n", rules.size(), topic);
    return 0;
  }

  private static String describe(Rule rule) {
    StringBuilder s = new StringBuilder(rule.getRuleId()).append(" (").append(rule.getKind());
    if (rule.getLimit() != null) {
      s.append(String.format(Locale.ROOT, ", limit %,.0f %s", rule.getLimit(), rule.getUnit()));
    }
    if (!rule.getLevels().isEmpty()) {
      s.append(", levels ");
      rule.getLevels()
          .forEach(
              l -> s.append(String.format(Locale.ROOT, "%s@%s ", l.getLabel(), l.getThreshold())));
      s.setLength(s.length() - 1);
    }
    return s.append(", ").append(rule.getLegalBasis()).append(')').toString();
  }
}
