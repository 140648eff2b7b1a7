package io.transfermonitor.cli;

import io.transfermonitor.cli.kafka.Reachability;
import io.transfermonitor.cli.kafka.UnavailableException;
import io.transfermonitor.cli.settings.LocalDefaults;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.model.Designation;
import io.transfermonitor.producers.designations.DesignationPublisher;
import io.transfermonitor.producers.designations.ListFormat;
import io.transfermonitor.producers.designations.ListTypeCounts;
import io.transfermonitor.producers.designations.PublishSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * {@code transfer-monitor designations load FILE...}: reads designation lists (the UN Security
 * Council Consolidated List XML, OFAC's SDN XML, FollowTheMoney entities as OpenSanctions exports
 * them, or CSV through a mapping) and publishes them to the compacted designations topic ({@code
 * <prefix>reference.designations}), key = reference number: new and changed designations, and a
 * tombstone for each one of the same list the files no longer hold (another list's are never
 * touched). A damaged file loads every readable record and lists each damaged spot; {@code
 * --strict} refuses it instead. Unchanged ones are not published again. The running monitor screens
 * against them at once and rescreens past events for the new ones.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes designation lists to the designations topic; the monitor applies them live.",
      "UN consolidated list XML, OFAC SDN XML (.xml, .xml.gz), OpenSanctions FollowTheMoney"
          + " entities (JSON lines), told by content; or CSV with --mapping. Only what changed is"
          + " published; a designation the same list no longer holds is delisted (tombstone),"
          + " another list's never. A damaged file loads every readable record and lists each"
          + " damaged spot; --strict refuses it."
    })
public class DesignationsLoadCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "List files.")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--mapping",
      paramLabel = "FILE",
      description = "YAML mapping (type: designation) for CSV lists; see docs/adding-a-source.md.")
  Path mapping;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "un, sdn or ftm: the format of every non-CSV file. Default: told by each file's content.")
  String format;

  @Option(
      names = "--strict",
      description =
          "Refuse the load if a file has any damage (a record skipped, a control character or"
              + " stray '&' mended, bytes not in its encoding), listing each spot; publish nothing.")
  boolean strict;

  @Option(names = "--dry-run", description = "Read and count the lists; publish nothing.")
  boolean dryRun;

  @Mixin SettingsOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DesignationFiles lists =
        DesignationFiles.read(files, mapping, format == null ? null : ListFormat.ofOption(format));
    lists.report(out);
    if (strict) {
      out.flush();
      lists.refuseDamage();
    }
    List<Designation> designations = lists.designations();
    ListTypeCounts.of(designations).lines().forEach(line -> out.println("  " + line));
    if (dryRun) {
      out.printf("%d designations checked, nothing published (--dry-run)%n", designations.size());
      return 0;
    }
    Settings settings = options.settings();
    String topic = settings.topics().designations();
    Map<String, Object> props =
        settings.clientProperties(LocalDefaults.BOOTSTRAP, LocalDefaults.REGISTRY);
    props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    Reachability.require(props, Optional.of(LocalDefaults.registryUrl(settings)));
    // a missing designations topic is said by DesignationPublisher, naming 'topics create'
    PublishSummary summary;
    try {
      summary = DesignationPublisher.publish(props, topic, designations, lists.scope());
    } catch (IllegalStateException | KafkaException e) {
      throw new UnavailableException(
          "cannot publish designations to "
              + topic
              + " on "
              + props.get("bootstrap.servers")
              + ": "
              + e.getMessage(),
          e);
    }
    out.printf("published to %s: %s%n", topic, summary.describe());
    summary.removedIds().forEach(id -> out.println("  delisted " + id));
    out.flush();
    return 0;
  }
}
