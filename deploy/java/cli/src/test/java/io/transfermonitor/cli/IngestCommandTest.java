package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.transfermonitor.testkit.ProjectFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The ingest command without a broker: dry runs, reports, exit codes, messages. */
class IngestCommandTest {

  private static final Path SIGHTINGS =
      ProjectFiles.of("producers/examples/osint-tanker-sightings");

  @TempDir Path dir;
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeEach
  void captureStderr() {
    originalErr = System.err;
    System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStderr() {
    System.setErr(originalErr);
  }

  private int run(String... args) {
    return new CommandLine(new IngestCommand()).execute(args);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void shouldDryRunTheExampleAndPrintTheSummary() {
    Path report = dir.resolve("report.csv");

    int code =
        run(
            "--dry-run",
            "--mapping",
            SIGHTINGS.resolve("mapping.yaml").toString(),
            "--report",
            report.toString(),
            SIGHTINGS.resolve("sightings.csv").toString());

    assertThat(code).isZero();
    assertThat(err()).contains("dry run: 8 records, 8 valid, 0 rejected");
    assertThat(report).content().isEqualTo("file,line,field,reason,raw\n");
  }

  @Test
  void shouldListBadRowsInTheReportAndStillExitZero() throws IOException {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(
        csv,
        "date,vessel,imo,flag,port,est_barrels,ship_to_ship,counterpart,counterpart_flag\n"
            + "04/03/2024,Kumsu 1,9000011,KP,Nampo,100,no,,\n"
            + "4 March,Unha 5,9000022,KP,Nampo,100,no,,\n");
    Path report = dir.resolve("report.jsonl");

    int code =
        run(
            "--dry-run",
            "--mapping",
            SIGHTINGS.resolve("mapping.yaml").toString(),
            "--report",
            report.toString(),
            csv.toString());

    assertThat(code).isZero();
    assertThat(err()).contains("1 rejected records listed in");
    assertThat(Files.readAllLines(report))
        .singleElement()
        .asString()
        .contains("\"line\":3", "\"field\":\"header.eventTime\"", "'4 March'");
  }

  @Test
  void shouldShowTheFirstValidEventsOfADryRunAsTheyWouldBeProduced() throws IOException {
    // given: the first row bad, the three after it good
    Path csv = dir.resolve("sightings.csv");
    Files.writeString(
        csv,
        "date,vessel,imo,flag,port,est_barrels,ship_to_ship,counterpart,counterpart_flag\n"
            + "04/03/2024,Kumsu 1,9000011,KP,Nampo,\"3.450,5\",no,,\n"
            + "11/03/2024,Unha 5,9000022,KP,Chongjin,\"26,000\",no,,\n"
            + "19/03/2024,Chilbo 2,9000033,KP,Nampo,\"29,000.5\",yes,Sever 12,RU\n"
            + "27/03/2024,Mirae 9,9000044,KP,Nampo,\"25,500\",no,,\n");
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
    int code;
    try {
      // when
      code =
          run(
              "--dry-run",
              "--show",
              "2",
              "--mapping",
              SIGHTINGS.resolve("mapping.yaml").toString(),
              "--report",
              dir.resolve("r.csv").toString(),
              csv.toString());
    } finally {
      System.setOut(originalOut);
    }

    // then: the two first valid rows, mapped, one JSON event per line; the bad row is not shown
    assertThat(code).isZero();
    List<JsonNode> shown = new ArrayList<>();
    for (String line : outBytes.toString(StandardCharsets.UTF_8).lines().toList()) {
      shown.add(new ObjectMapper().readTree(line));
    }
    assertThat(shown).hasSize(2);
    assertThat(shown)
        .extracting(e -> e.get("vesselName").asText(), e -> e.get("quantity").asDouble())
        .containsExactly(tuple("Unha 5", 26_000.0), tuple("Chilbo 2", 29_000.5));
    assertThat(shown.get(1).get("type").asText()).isEqualTo("tanker-delivery");
    assertThat(shown.get(1).get("counterpartVesselFlag").asText()).isEqualTo("RUS");
    assertThat(shown.get(1).get("header").get("eventId").asText()).startsWith("osint-tankers/");
    assertThat(err()).contains("dry run: 4 records, 3 valid, 1 rejected");
  }

  @Test
  void shouldRefuseShowWithoutDryRun() {
    int code =
        run(
            "--show",
            "3",
            "--mapping",
            SIGHTINGS.resolve("mapping.yaml").toString(),
            "--report",
            dir.resolve("r.csv").toString(),
            SIGHTINGS.resolve("sightings.csv").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err()).contains("--show prints the events of a dry run: add --dry-run");
  }

  @Test
  void shouldFailWithAMessageWhenTheMappingDoesNotFitTheFile() throws IOException {
    Path mapping = dir.resolve("mapping.yaml");
    Files.writeString(
        mapping,
        Files.readString(SIGHTINGS.resolve("mapping.yaml"))
            .replace("column: est_barrels", "column: bbl"));

    int code =
        run(
            "--dry-run",
            "--mapping",
            mapping.toString(),
            "--report",
            dir.resolve("r.csv").toString(),
            SIGHTINGS.resolve("sightings.csv").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err()).contains("fields.quantity.column: no column 'bbl' in the file");
  }

  @Test
  void shouldRefuseCsvWithoutAMappingAndMissingFiles() {
    String report = dir.resolve("r.csv").toString();
    assertThat(run("--dry-run", "--report", report, SIGHTINGS.resolve("sightings.csv").toString()))
        .isEqualTo(1);
    assertThat(err()).contains("CSV needs a mapping (--mapping FILE)");
    assertThat(run("--dry-run", "--report", report, dir.resolve("nowhere.csv").toString()))
        .isEqualTo(1);
    assertThat(err()).contains("no such file");
  }

  @Test
  void shouldGiveUpOnAPortNothingListensOnAfterMaxWaitAndSaySo() throws IOException {
    // given: a port nothing listens on, and an input that is never read
    String address = "127.0.0.1:" + closedPort();
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, "{}\n");
    long start = System.nanoTime();

    // when
    CliRun run =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () ->
                CliRun.of(
                    "ingest",
                    "-b",
                    address,
                    "--schema-registry-url",
                    "http://" + address,
                    "--max-wait",
                    "2",
                    "--report",
                    dir.resolve("r.csv").toString(),
                    events.toString()));

    // then: a clear message and a non-zero exit within seconds, not a retry forever
    assertThat(run.exit()).isEqualTo(TransferMonitor.EXIT_UNAVAILABLE);
    assertThat(run.err())
        .contains(
            "ingest: cannot reach Kafka at "
                + address
                + " within 2 s (--max-wait): "
                + address
                + " connection refused");
    assertThat(err()).contains("cannot reach Kafka at " + address);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void shouldSayTheMaxWaitAndItsDefaultInHelp() {
    CliRun help = CliRun.of("ingest", "--help");

    assertThat(help.out()).contains("--max-wait=SECONDS").contains("(default 300)");
  }

  @Test
  void shouldRefuseANegativeMaxWait() throws IOException {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, "{}\n");

    CliRun run = CliRun.of("ingest", "-b", "127.0.0.1:9", "--max-wait", "-1", events.toString());

    assertThat(run.exit()).isEqualTo(TransferMonitor.EXIT_BAD_SETTING);
    assertThat(run.err())
        .contains("bad setting --max-wait: a number of seconds, 0 or more; was -1");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
