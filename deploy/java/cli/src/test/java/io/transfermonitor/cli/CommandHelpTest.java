package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Every command and subcommand of {@code transfer-monitor}, found by walking picocli's command tree
 * (so a command added later is checked without a line here), answers {@code --help} with its usage
 * and its description, and exits 0.
 */
class CommandHelpTest {

  /** Every command's path below {@code transfer-monitor}, the root itself first (empty path). */
  static List<List<String>> commandPaths() {
    List<List<String>> paths = new ArrayList<>();
    walk(
        TransferMonitor.commandLine(),
        List.of(),
        paths,
        Collections.newSetFromMap(new IdentityHashMap<>()));
    return paths;
  }

  private static void walk(
      CommandLine command, List<String> path, List<List<String>> paths, Set<CommandLine> seen) {
    if (!seen.add(command)) {
      return; // an alias of a command already walked
    }
    paths.add(path);
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (name.equals(sub.getCommandName())) {
                List<String> subPath = new ArrayList<>(path);
                subPath.add(name);
                walk(sub, List.copyOf(subPath), paths, seen);
              }
            });
  }

  @Test
  void shouldFindTheCommandsAUserSeesAndTheirSubcommands() {
    // when
    List<String> names = commandPaths().stream().map(p -> String.join(" ", p)).toList();

    // then: the tree is really walked, down to the second level
    assertThat(names)
        .contains(
            "",
            "run",
            "demo",
            "alerts",
            "topics create",
            "rules apply",
            "rules remove",
            "rules recount",
            "cases list",
            "cases ack",
            "ais detect");
  }

  @TestFactory
  Stream<DynamicTest> shouldPrintUsageAndDescriptionForEveryCommand() {
    return commandPaths().stream()
        .map(
            path ->
                DynamicTest.dynamicTest(
                    String.join(" ", concat("transfer-monitor", path, "--help")),
                    () -> assertHelp(path)));
  }

  private static void assertHelp(List<String> path) {
    CommandLine command = TransferMonitor.commandLine();
    for (String name : path) {
      command = command.getSubcommands().get(name);
    }
    String[] description = command.getCommandSpec().usageMessage().description();

    // when
    CliRun run = CliRun.of(concat(null, path, "--help").toArray(String[]::new));

    // then
    String shown = unwrapped(run.out());
    assertThat(run.exit()).as("exit code").isZero();
    assertThat(run.err()).as("stderr").isEmpty();
    assertThat(run.out())
        .as("usage line")
        .contains("Usage: " + String.join(" ", concat("transfer-monitor", path, null)));
    assertThat(description).as("description of '%s'", String.join(" ", path)).isNotEmpty();
    assertThat(unwrapped(description[0])).as("first description line").isNotBlank();
    assertThat(shown).as("help shows the description").contains(unwrapped(description[0]));
  }

  /**
   * The text without its blanks and line breaks (picocli's %n included): picocli wraps help text at
   * the terminal's width, also after a dot inside a word, so only the characters are compared.
   */
  private static String unwrapped(String text) {
    return text.replace("%n", "").replaceAll("\\s+", "");
  }

  private static List<String> concat(String first, List<String> path, String last) {
    List<String> all = new ArrayList<>();
    if (first != null) {
      all.add(first);
    }
    all.addAll(path);
    if (last != null) {
      all.add(last);
    }
    return all;
  }
}
