package io.transfermonitor.cli;

import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.producers.ReferencePlan;
import io.transfermonitor.producers.ingest.MappingException;
import io.transfermonitor.producers.ingest.RejectionReport;
import io.transfermonitor.producers.vessels.RegisterContents;
import io.transfermonitor.producers.vessels.RegisterProblem;
import io.transfermonitor.producers.vessels.VesselMapping;
import io.transfermonitor.producers.vessels.VesselPublisher;
import io.transfermonitor.producers.vessels.VesselRegisterCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor vessels load FILE}: reads a vessel register CSV (the plain header, or any
 * layout through {@code --mapping}) and publishes it to the compacted register topic ({@code
 * <prefix>reference.vessels}), key = {@code IMO:<number>} or {@code MMSI:<number>}: new and changed
 * vessels, and a tombstone for each vessel of the same register ({@code --source}) that the file no
 * longer holds, as {@code designations load} delists. Rows that give no vessel, and values loaded
 * with a doubt, are listed in the report with line, field and reason. A file that yields no vessel
 * at all publishes nothing: it would remove the whole register.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes a vessel register (CSV) to the vessel register topic (reference.vessels).",
      "Plain header: imo,mmsi,name,flag,ship_type,deadweight_t,owner,manager; other layouts"
          + " through --mapping. Each vessel needs an IMO number (7 digits) or an MMSI (9 digits);"
          + " flags are ISO alpha-3 codes or country names; deadweight in tonnes.",
      "Only what changed is published; a vessel the same register (--source) no longer holds is"
          + " removed (tombstone). An IMO number with a wrong check digit is loaded, with a"
          + " warning."
    })
public class VesselsLoadCommand implements Callable<Integer> {

  /** Problems printed before the rest is left to the report. */
  private static final int SHOWN_PROBLEMS = 20;

  @Parameters(paramLabel = "FILE", description = "The register, a CSV file.")
  Path file;

  @Option(
      names = "--mapping",
      paramLabel = "FILE",
      description =
          "YAML mapping of fields to the file's columns, for a layout other than the plain"
              + " header; see producers/README.md.")
  Path mapping;

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description =
          "The register's name, kept on each vessel; a later load of the same name replaces it"
              + " (default: the mapping's source:, else the file's name).")
  String source;

  @Option(names = "--dry-run", description = "Read and check the file only; publish nothing.")
  boolean dryRun;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      defaultValue = "vessels-report.csv",
      description =
          "Where rejected rows and doubtful values are listed: CSV, or JSON Lines for a .jsonl"
              + " name (default: ${DEFAULT-VALUE}).")
  Path report;

  @Mixin SettingsOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    RegisterContents register = read();
    print(out, register);
    List<VesselRecord> vessels = register.vessels();
    if (dryRun) {
      out.printf("%d vessels checked, nothing published (--dry-run)%n", vessels.size());
      out.flush();
      return 0;
    }
    if (vessels.isEmpty()) {
      throw new IllegalArgumentException(
          file
              + ": no vessel read, nothing published (a load without vessels would remove every"
              + " vessel of "
              + register.source()
              + ")");
    }
    Settings settings = options.settings();
    ReferenceTopic topic = ReferenceTopic.of(settings, settings.topics().vessels());
    ReferencePlan<VesselRecord> plan =
        topic.publish("vessels", props -> VesselPublisher.publish(props, topic.name(), vessels));
    topic.printPublished(out, plan.describe(), plan.removed());
    return 0;
  }

  private RegisterContents read() throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    RegisterContents register;
    try {
      VesselMapping layout = mapping == null ? VesselMapping.plain() : VesselMapping.load(mapping);
      String name =
          Objects.requireNonNullElse(
              source, Objects.requireNonNullElse(layout.source(), file.getFileName().toString()));
      register = VesselRegisterCsv.read(file, layout, name);
    } catch (MappingException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    try (RejectionReport rows = RejectionReport.to(report)) {
      for (RegisterProblem problem : register.problems()) {
        String reason = problem.reason() + (problem.rejected() ? "" : " (vessel loaded)");
        rows.add(problem.file(), problem.line(), problem.field(), reason, problem.raw());
      }
    }
    return register;
  }

  /** What the file held: counts, warnings, the first problems, vessels per flag. */
  private void print(PrintWriter out, RegisterContents register) {
    long rejected = register.rejected().size();
    out.printf(
        Locale.ROOT,
        "%s: %,d vessels read, %,d row%s rejected (register '%s')%n",
        register.file(),
        register.vessels().size(),
        rejected,
        rejected == 1 ? "" : "s",
        register.source());
    register.warnings().forEach(w -> out.println("  warning: " + w));
    register.problems().stream()
        .limit(SHOWN_PROBLEMS)
        .forEach(p -> out.println("  " + p.describe()));
    if (register.problems().size() > SHOWN_PROBLEMS) {
      out.printf(Locale.ROOT, "  ... %,d more%n", register.problems().size() - SHOWN_PROBLEMS);
    }
    if (!register.problems().isEmpty()) {
      out.printf(
          Locale.ROOT,
          "  %,d rejected row%s and %,d warning%s listed in %s%n",
          rejected,
          rejected == 1 ? "" : "s",
          register.problems().size() - rejected,
          register.problems().size() - rejected == 1 ? "" : "s",
          report.toAbsolutePath());
    }
    Map<String, Long> flags =
        register.vessels().stream()
            .collect(
                Collectors.groupingBy(
                    v -> Objects.requireNonNullElse(v.getFlag(), "no flag"),
                    TreeMap::new,
                    Collectors.counting()));
    if (!flags.isEmpty()) {
      out.println(
          "  flags: "
              + flags.entrySet().stream()
                  .map(e -> e.getKey() + " " + e.getValue())
                  .collect(Collectors.joining(", ")));
    }
  }
}
