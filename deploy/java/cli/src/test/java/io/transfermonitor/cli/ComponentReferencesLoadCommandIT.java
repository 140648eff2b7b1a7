package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.MakerRecord;
import io.transfermonitor.model.PriorityListEntry;
import io.transfermonitor.producers.components.ComponentReferenceTopics;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chpl load} and {@code makers load}, with {@code chpl} and {@code makers}, against a real
 * broker: a damaged file loads its good rows and reports each bad one with its line and reason; a
 * later load of the same list or table publishes only what changed and removes what it dropped.
 */
@ExtendWith(KafkaStackExtension.class)
class ComponentReferencesLoadCommandIT {

  @TempDir Path dir;

  @Test
  void shouldLoadTheGoodRowsOfADamagedPriorityListAndReportEachBadOneWithItsLine(KafkaStack stack)
      throws IOException {
    // given fresh topics and a list with a bad HS code, an unknown tier, a code given twice and a
    // row of the wrong width among two good codes
    Topics topics = stack.uniqueTopics();
    Path settings = settings(topics);
    Path list =
        write(
            "chpl.csv",
            """
            # list: Common High Priority List (test copy)
            # date: 2024-02-23
            hs_code,tier,description
            8542.31,1,Processors and controllers
            85A2.32,1,Memories
            8542.33,5,Amplifiers
            854231,2,Processors again
            8532.24,2,"Capacitors: ceramic, multilayer"
            8548.00
            """);
    Path report = dir.resolve("chpl-report.csv");

    // when
    CliRun load = cli(stack, settings, "chpl", "load", "--report", report.toString(), list);

    // then the two good codes are published, with the list's name and date
    assertThat(load.exit()).as(load.err()).isZero();
    assertThat(load.outLines())
        .contains(
            list + ": 2 HS codes read, 4 rows rejected (Common High Priority List (test copy))",
            "  "
                + list
                + ":5: field 'hs_code': unknown HS code '85A2.32': an HS code is six to ten digits,"
                + " points allowed between groups (8542.31) (row rejected)",
            "  "
                + list
                + ":6: field 'tier': unknown tier '5': the list's tiers are 1, 2, 3.A, 3.B, 4.A and"
                + " 4.B (row rejected)",
            "  " + list + ":7: field 'hs_code': HS code 8542.31 already at line 4 (row rejected)",
            "  "
                + list
                + ":9: row has 1 columns, not 2 or 3 (hs_code,tier,description) (row rejected)",
            "published to " + topics.chpl() + ": 2 added, 0 changed, 0 removed, 0 unchanged");
    assertThat(Files.readAllLines(report))
        .hasSize(1 + 4)
        .extracting(line -> line.split(",")[1])
        .containsExactly("line", "5", "6", "7", "9");
    Map<String, PriorityListEntry> held =
        ComponentReferenceTopics.readPriorityList(client(stack), topics.chpl(), WAIT);
    assertThat(held).containsOnlyKeys("8542.31", "8532.24");
    assertThat(held.get("8532.24").getTier()).isEqualTo("2");
    assertThat(held.get("8532.24").getDescription()).isEqualTo("Capacitors: ceramic, multilayer");
    assertThat(held.get("8542.31").getListDate()).isEqualTo("2024-02-23");

    // and a newer version of the same list changes a tier and drops a code
    Path newer =
        write(
            "chpl-2025.csv",
            """
            hs_code,tier,description
            8542.31,2,Processors and controllers
            """);
    CliRun update =
        cli(
            stack,
            settings,
            "chpl",
            "load",
            "--list",
            "Common High Priority List (test copy)",
            "--date",
            "2025-01-01",
            "--report",
            report.toString(),
            newer);
    assertThat(update.exit()).as(update.err()).isZero();
    assertThat(update.outLines())
        .contains(
            "published to " + topics.chpl() + ": 0 added, 1 changed, 1 removed, 0 unchanged",
            "  removed 8532.24");
    CliRun listed = cli(stack, settings, "chpl");
    assertThat(listed.exit()).as(listed.err()).isZero();
    assertThat(listed.outLines())
        .containsExactly(
            "HS CODE  TIER DATE       LIST: WHAT",
            "8542.31  2    2025-01-01 Common High Priority List (test copy): Processors and"
                + " controllers",
            "1 HS codes on " + topics.chpl());
  }

  @Test
  void shouldLoadTheGoodRowsOfADamagedMakersTableAndReportEachBadOneWithItsLine(KafkaStack stack)
      throws IOException {
    // given a table with a row without a maker, a country that is none and an alias another row
    // names already, among two good makers
    Topics topics = stack.uniqueTopics();
    Path settings = settings(topics);
    Path table =
        write(
            "makers.csv",
            """
            maker,country,aliases
            Example Maker US-A,USA,EXAMPLE MAKER US-A INC.;Example Maker US-A Incorporated
            ,DEU,Nameless GmbH
            Example Maker XX-A,Atlantis,
            Example Maker US-B,USA,Example Maker US-A Inc
            Example Maker JP-A,Japan,Example Maker JP-A K.K.
            """);
    Path report = dir.resolve("makers-report.jsonl");

    // when
    CliRun load =
        cli(
            stack,
            settings,
            "makers",
            "load",
            "--source",
            "test makers",
            "--report",
            report.toString(),
            table);

    // then
    assertThat(load.exit()).as(load.err()).isZero();
    assertThat(load.outLines())
        .contains(
            table + ": 2 makers read, 3 rows rejected (test makers)",
            "  " + table + ":3: field 'maker': no maker (row rejected)",
            "  "
                + table
                + ":4: field 'country': 'Atlantis' is no country: an ISO alpha-3 code (USA) or a"
                + " country name (row rejected)",
            "  "
                + table
                + ":5: alias 'Example Maker US-A Inc' is a name of the maker at line 2 (row"
                + " rejected)",
            "  countries: JPN 1, USA 1",
            "published to " + topics.makers() + ": 2 added, 0 changed, 0 removed, 0 unchanged");
    assertThat(Files.readAllLines(report))
        .hasSize(3)
        .allSatisfy(line -> assertThat(line).contains("\"file\":\"" + table + "\""))
        .extracting(line -> line.replaceAll(".*\"line\":(\\d+).*", "$1"))
        .containsExactly("3", "4", "5");
    Map<String, MakerRecord> held =
        ComponentReferenceTopics.readMakers(client(stack), topics.makers(), WAIT);
    assertThat(held).containsOnlyKeys("Example Maker US-A", "Example Maker JP-A");
    assertThat(held.get("Example Maker JP-A").getCountry()).isEqualTo("JPN");
    assertThat(held.get("Example Maker US-A").getAliases())
        .containsExactly("EXAMPLE MAKER US-A INC.", "Example Maker US-A Incorporated");
    CliRun listed = cli(stack, settings, "makers");
    assertThat(listed.exit()).as(listed.err()).isZero();
    assertThat(listed.outLines()).last().isEqualTo("2 makers on " + topics.makers());
    assertThat(listed.out())
        .contains(
            "Example Maker JP-A               JPN     test makers          Example Maker"
                + " JP-A K.K.");
  }

  private static final Duration WAIT = Duration.ofSeconds(30);

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private Path settings(Topics topics) throws IOException {
    String prefix =
        topics.rules().substring(0, topics.rules().length() - "reference.rules".length());
    return Files.writeString(
        dir.resolve("settings.properties"), "tm.topic.prefix=" + prefix + "\n");
  }

  private static Map<String, Object> client(KafkaStack stack) {
    return Map.of(
        "bootstrap.servers", stack.bootstrapServers(),
        "schema.registry.url", stack.schemaRegistryUrl());
  }

  private static CliRun cli(KafkaStack stack, Path settings, Object... args) {
    List<String> all = new ArrayList<>();
    for (Object arg : args) {
      all.add(arg.toString());
    }
    int at = all.indexOf("load") >= 0 ? all.indexOf("load") + 1 : 1;
    all.addAll(
        at,
        List.of(
            "--config",
            settings.toString(),
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--schema-registry-url",
            stack.schemaRegistryUrl()));
    return CliRun.of(all.toArray(String[]::new));
  }
}
