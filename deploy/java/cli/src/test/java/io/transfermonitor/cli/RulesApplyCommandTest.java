package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.testkit.ProjectFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RulesApplyCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new RulesCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void shouldListTheShippedRulesOnADryRun() {
    int exit = run("apply", "--dry-run", ProjectFiles.of("deploy/config/rules.yaml").toString());

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains(
            "would publish unscr-2397-refined-petroleum-cap (CAP, limit 500,000 BARREL, levels"
                + " NOTICE_75@0.75 NOTICE_90@0.9 CEASE_SUPPLY_95@0.95 BREACH@1.0, UNSCR 2397"
                + " (2017) OP5)")
        .contains("11 rules checked, nothing published (--dry-run)");
  }

  @Test
  void shouldNameTheRuleAndFieldOfABadFile() throws Exception {
    Path bad = dir.resolve("rules.yaml");
    Files.writeString(
        bad,
        "rules:\n  - {ruleId: x, kind: CAPP, title: t, legalBasis: l, severity: HIGH, scope: {}}\n");

    int exit = run("apply", "--dry-run", bad.toString());

    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("rule 'x': field 'kind': unknown value 'CAPP'");
  }

  @Test
  void shouldRefuseANegativeLevelThreshold() throws Exception {
    // given: the shipped file with the breach level at -2 (an alert would read "reached -200 %")
    Path bad = dir.resolve("rules.yaml");
    Files.writeString(
        bad,
        Files.readString(ProjectFiles.of("deploy/config/rules.yaml"))
            .replaceFirst("threshold: 0.75", "threshold: -2"));

    // when
    int exit = run("apply", "--dry-run", bad.toString());

    // then
    assertThat(exit).isNotZero();
    assertThat(err.toString())
        .contains("rule 'unscr-2397-refined-petroleum-cap': field 'levels'")
        .contains(
            "a threshold must be a positive number (a fraction of the limit, e.g. 0.75), -2.0");
  }
}
