package io.transfermonitor.cli;

import io.transfermonitor.cli.kafka.Reachability;
import io.transfermonitor.cli.kafka.UnavailableException;
import io.transfermonitor.cli.settings.LocalDefaults;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsException;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.model.Rule;
import io.transfermonitor.producers.rules.RuleFile;
import io.transfermonitor.producers.rules.RulePlan;
import io.transfermonitor.producers.rules.RulePublisher;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor rules apply FILE}: reads a YAML rules file ({@link RuleFile}), reads the
 * compacted rules topic ({@code <prefix>reference.rules}) to its end, and publishes what the file
 * adds and changes (key = rule id, value = Avro {@link Rule} in the Confluent wire format); rules
 * the topic holds as they are are not published again. A live rule the file does not have is named,
 * and removed (a tombstone) only with {@code --prune}: a renamed rule would otherwise stay live and
 * count every event under both ids. The running monitor applies it all live. With {@code --dry-run}
 * it only checks the file; with {@code --plan} it prints what it would change.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes the rules of a YAML file to the rules topic; the monitor applies them live.",
      "Prints what it adds, changes and removes against what the topic holds. A live rule the"
          + " file does not have stays live unless --prune removes it.",
      "A changed limit or level re-evaluates current totals at once."
    })
public class RulesApplyCommand implements Callable<Integer> {

  @Mixin SettingsOptions options;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "Rules file, e.g. deploy/config/rules.yaml.")
  Path file;

  @Option(
      names = "--dry-run",
      description = "Check the file and list the rules; contact nothing, publish nothing.")
  boolean dryRun;

  @Option(
      names = "--plan",
      description =
          "Compare the file with the rules topic and print what would be added, changed and"
              + " removed; publish nothing.")
  boolean plan;

  @Option(
      names = "--prune",
      description =
          "Remove (tombstone) the live rules the file does not have; the monitor stops counting"
              + " them, their ledgers and cases stay as they are.")
  boolean prune;

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
        settings.clientProperties(LocalDefaults.BOOTSTRAP, LocalDefaults.REGISTRY);
    props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    Reachability.require(props, Optional.of(LocalDefaults.registryUrl(settings)));
    RulePlan changes = onTopic(topic, props, () -> RulePublisher.plan(props, topic, rules));
    if (plan) {
      report(out, changes, "would add ", "would change ", "would remove ");
      out.printf(
          "nothing published (--plan): %d to add, %d to change, %d to remove, %d unchanged%n",
          changes.added().size(),
          changes.changed().size(),
          prune ? changes.absent().size() : 0,
          changes.unchanged().size());
      return 0;
    }
    onTopic(
        topic,
        props,
        () -> {
          RulePublisher.apply(props, topic, changes, prune);
          return null;
        });
    report(out, changes, "added ", "changed ", "removed ");
    int removed = prune ? changes.absent().size() : 0;
    int published = changes.added().size() + changes.changed().size() + removed;
    out.printf(
        "%d rule%s published to %s (%d added, %d changed, %d removed; %d unchanged, not"
            + " published again)%n",
        published,
        published == 1 ? "" : "s",
        topic,
        changes.added().size(),
        changes.changed().size(),
        removed,
        changes.unchanged().size());
    return 0;
  }

  private void report(PrintWriter out, RulePlan changes, String add, String change, String remove) {
    changes.added().forEach(rule -> out.println(add + describe(rule)));
    changes
        .changed()
        .forEach(
            c ->
                out.println(
                    change
                        + describe(c.after())
                        + ": "
                        + String.join(", ", c.fields())
                        + " (was "
                        + describe(c.before())
                        + ")"));
    for (Rule rule : changes.absent()) {
      if (prune) {
        out.println(removed(remove, rule));
      } else {
        out.println(
            "live but not in the file: "
                + rule.getRuleId()
                + " ("
                + rule.getKind()
                + ", "
                + rule.getTitle()
                + "); it still counts, --prune removes it");
      }
    }
  }

  /** {@code step} on the rules topic, its failures said as the topic not answering. */
  static <T> T onTopic(String topic, Map<String, Object> props, Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalStateException | KafkaException e) {
      throw new UnavailableException(
          "cannot read or write the rules topic "
              + topic
              + " on "
              + props.get("bootstrap.servers")
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The line that says {@code rule} is (or would be) removed, and what that does. */
  static String removed(String verb, Rule rule) {
    return verb
        + describe(rule)
        + " (tombstone): the monitor stops counting it; its ledgers and cases stay as they are";
  }

  static String describe(Rule rule) {
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
    if (!rule.getEnabled()) {
      s.append(", disabled");
    }
    return s.append(", ").append(rule.getLegalBasis()).append(')').toString();
  }
}
