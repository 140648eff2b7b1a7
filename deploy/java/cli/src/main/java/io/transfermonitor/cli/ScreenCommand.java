package io.transfermonitor.cli;

import io.transfermonitor.cli.kafka.UnavailableException;
import io.transfermonitor.cli.settings.LocalDefaults;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.model.Designation;
import io.transfermonitor.producers.designations.DesignationTopic;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.screen.DesignationMatch;
import io.transfermonitor.streams.screen.NamePairs;
import io.transfermonitor.streams.screen.ScreeningList;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor screen}: the monitor's matcher, for the analyst and for tuning. {@code
 * screen NAME...} prints each name's best matches with score and method, and under a match that is
 * not exact which name parts matched how ({@code how: kim, j~jong (initial), pak}); {@code screen
 * --pairs FILE.csv} scores name pairs and writes them back as CSV with {@code score} and {@code
 * match}. The designations come from {@code --list FILE} (UN or SDN XML, OpenSanctions FtM JSON
 * lines, or CSV with {@code --mapping}), or else from the designations topic of the cluster the
 * settings name. Threshold and near-miss score are the monitor's ({@code tm.screening.threshold},
 * {@code tm.screening.near.miss.threshold}).
 */
@Command(
    name = "screen",
    mixinStandardHelpOptions = true,
    description = {
      "Screens names against the designations with the monitor's own matcher.",
      "screen NAME...: the best matches of each name, with score, method and, for a close"
          + " name, which name parts matched how.",
      "screen --pairs FILE.csv: columns name1,name2[,schema][,expected]; writes the rows with"
          + " score and match as CSV; with an expected column, precision and recall on stderr.",
      "Designations from --list FILE..., else from the designations topic of the cluster."
    })
public class ScreenCommand implements Callable<Integer> {

  @Parameters(arity = "0..*", paramLabel = "NAME", description = "Names to screen.")
  List<String> names = new ArrayList<>();

  @Option(
      names = "--pairs",
      paramLabel = "FILE",
      description = "CSV of name pairs to score instead of names.")
  Path pairs;

  @Option(
      names = "--list",
      paramLabel = "FILE",
      description =
          "Designation list (UN consolidated list or OFAC SDN XML, .xml or .xml.gz;"
              + " OpenSanctions FollowTheMoney JSON lines; or .csv with --mapping); repeatable."
              + " Default: the designations topic.")
  List<Path> lists = new ArrayList<>();

  @Option(
      names = "--mapping",
      paramLabel = "FILE",
      description = "Mapping (type: designation) for CSV lists.")
  Path mapping;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "5",
      description = "Matches shown per name (default ${DEFAULT-VALUE}).")
  int top;

  @Mixin SettingsOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (names.isEmpty() == (pairs == null)) {
      throw new ParameterException(
          spec.commandLine(), "give either names to screen or --pairs FILE, not both or neither");
    }
    MonitorConfig config = options.settings().monitorConfig();
    ScreeningList list = ScreeningList.of(designations());
    PrintWriter out = spec.commandLine().getOut();
    if (pairs != null) {
      ScreenPairs scored = new ScreenPairs(new NamePairs(list), config.screeningThreshold());
      try (Reader in = Files.newBufferedReader(pairs, StandardCharsets.UTF_8)) {
        scored.score(in, pairs.toString(), out);
      }
      if (scored.measured()) {
        scored.summary(spec.commandLine().getErr());
      }
      return 0;
    }
    for (String name : names) {
      out.println(name);
      List<DesignationMatch> found = list.screen(name);
      if (found.isEmpty()) {
        out.println("  no match");
      }
      found.stream()
          .limit(top)
          .forEach(
              match -> {
                out.println("  " + row(match, config));
                if (!match.explanation().isEmpty()) {
                  out.println("        how: " + match.explanation());
                }
              });
    }
    out.flush();
    return 0;
  }

  private Collection<Designation> designations() {
    if (!lists.isEmpty()) {
      DesignationFiles files = DesignationFiles.read(lists, mapping);
      return files.designations();
    }
    Settings settings = options.settings();
    String topic = settings.topics().designations();
    Map<String, Object> props =
        settings.clientProperties(LocalDefaults.BOOTSTRAP, LocalDefaults.REGISTRY);
    try {
      return DesignationTopic.read(props, topic, Duration.ofSeconds(30)).values();
    } catch (IllegalStateException | KafkaException e) {
      throw new UnavailableException(
          "cannot read the designations from "
              + topic
              + " on "
              + props.get("bootstrap.servers")
              + " ("
              + e.getMessage()
              + "); give a list file with --list FILE",
          e);
    }
  }

  private static String row(DesignationMatch match, MonitorConfig config) {
    String verdict =
        match.score() >= config.screeningThreshold()
            ? "alert"
            : match.score() >= config.nearMissThreshold() ? "near miss" : "below";
    Designation d = match.designation();
    return String.format(
        Locale.ROOT,
        "%.2f  %-10s  %-9s  %-8s  %s [%s]%s",
        match.score(),
        match.method(),
        verdict,
        d.getDesignationId(),
        d.getName(),
        d.getRegime(),
        match.matchedOn().equals(d.getName()) ? "" : "  matched '" + match.matchedOn() + "'");
  }
}
