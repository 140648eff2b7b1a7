package io.transfermonitor.cli;

import io.transfermonitor.cli.format.AvroJson;
import io.transfermonitor.cli.format.CaseFormat;
import io.transfermonitor.cli.kafka.CaseSnapshot;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsException;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseStatus;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor cases}: the cases the monitor keeps on the compacted case topic ({@code
 * <prefix>cases}), and the operator actions on them, written to {@code <prefix>case-actions}.
 */
@Command(
    name = "cases",
    mixinStandardHelpOptions = true,
    description = {
      "The cases alerts are filed in, and what operators do about them.",
      "list and show read tm.cases; ack, suppress, resolve and reopen write an action (who, when,"
          + " why) to tm.case-actions, which the monitor applies once."
    },
    subcommands = {
      CasesCommand.ListCases.class,
      CasesCommand.Show.class,
      CaseActionCommand.Ack.class,
      CaseActionCommand.Suppress.class,
      CaseActionCommand.Resolve.class,
      CaseActionCommand.Reopen.class,
      CommandLine.HelpCommand.class
    })
public class CasesCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The cases as they stand, by id, in the order first written. */
  static Map<String, Case> readCases(Settings settings) {
    try (CaseSnapshot snapshot =
        CaseSnapshot.read(
            CaseSnapshot.clientProperties(settings),
            settings.topics().cases(),
            CaseSnapshot.READ_TIMEOUT)) {
      return snapshot.cases();
    }
  }

  /** {@code cases list}: every case, or those of one status. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the cases: a table, or JSON lines with --json.")
  public static class ListCases implements Callable<Integer> {

    @Mixin SettingsOptions options;

    @Option(
        names = "--status",
        paramLabel = "S",
        description =
            "Only cases of this status: OPEN, ACKNOWLEDGED, SUPPRESSED, RESOLVED, REOPENED.")
    String status;

    @Option(names = "--json", description = "One JSON object per case and line.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      CaseStatus wanted = status == null ? null : status(status);
      List<Case> cases =
          readCases(options.settings()).values().stream()
              .filter(c -> wanted == null || c.getStatus() == wanted)
              .toList();
      PrintWriter out = spec.commandLine().getOut();
      if (!json) {
        out.println(CaseFormat.tableHeader());
      }
      cases.forEach(c -> out.println(json ? AvroJson.line(c) : CaseFormat.tableRow(c)));
      out.flush();
      return 0;
    }

    private static CaseStatus status(String text) {
      try {
        return CaseStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new SettingsException(
            "--status",
            "unknown status '" + text + "' (one of " + Arrays.toString(CaseStatus.values()) + ")");
      }
    }
  }

  /** {@code cases show ID}: one case in full, with its history. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Shows one case: totals, evidence, sources and its history (who, when, why).")
  public static class Show implements Callable<Integer> {

    @Mixin SettingsOptions options;

    @Parameters(
        index = "0",
        paramLabel = "ID",
        description = "The case id, as cases list shows it.")
    String caseId;

    @Option(names = "--json", description = "The case as one JSON object.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Settings settings = options.settings();
      Case found = readCases(settings).get(caseId);
      if (found == null) {
        throw CaseActionCommand.noSuchCase(caseId);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(AvroJson.line(found));
      } else {
        CaseFormat.details(found, settings.topics().casesAudit()).forEach(out::println);
      }
      out.flush();
      return 0;
    }
  }
}
