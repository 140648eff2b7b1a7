package io.transfermonitor.bench.soak;

import io.transfermonitor.producers.EventSink;
import io.transfermonitor.producers.ingest.Ingest;
import io.transfermonitor.producers.ingest.IngestInput;
import io.transfermonitor.producers.ingest.IngestProgress;
import io.transfermonitor.producers.ingest.IngestResult;
import io.transfermonitor.producers.ingest.Mapping;
import io.transfermonitor.producers.ingest.MappingException;
import io.transfermonitor.producers.ingest.RejectionReport;
import io.transfermonitor.schemas.validation.EventValidator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Bad files for {@code ingest}, written into the soak's work directory and ingested (validated
 * only: their good rows must not change the soak's totals): broken CSV quoting, Latin-1 and UTF-16
 * instead of UTF-8, a byte-order mark, a 50 MB line, binary junk, empty files. Each bad row must
 * appear in the report (or the file be refused as a whole, with the reason), each good row be
 * accepted.
 */
final class BadFiles {

  private static final String MAPPING =
      """
      source: soak sightings
      type: tanker-delivery
      id: { columns: [n], prefix: "soak-file/" }
      fields:
        header.sourceKind: { value: OBSERVED }
        header.eventTime: { column: date, format: "yyyy-MM-dd" }
        header.origin: { value: RUS }
        header.destination: { value: PRK }
        vesselName: { column: vessel }
        productClass: { value: REFINED }
        product: { value: DIESEL }
        quantity: { column: barrels }
        unit: { value: BARREL }
      """;

  /** One file: how many rows it has, how many are bad, and what ingest made of it. */
  record Outcome(String file, int rows, int bad, long accepted, long reported, String refused) {
    boolean accounted() {
      return refused != null ? true : reported == bad && accepted == rows - bad;
    }
  }

  private BadFiles() {}

  static List<Outcome> ingest(Path dir, long seed) throws IOException {
    Files.createDirectories(dir);
    SplittableRandom random = new SplittableRandom(seed);
    List<Outcome> outcomes = new ArrayList<>();
    outcomes.add(run(dir, "broken-quoting.csv", brokenQuoting(), 100, 50));
    outcomes.add(run(dir, "latin1.csv", latin1(), 100, 30));
    outcomes.add(run(dir, "utf16.csv", csv(40, i -> "").getBytes(StandardCharsets.UTF_16), 40, 40));
    outcomes.add(run(dir, "bom.jsonl", bomJsonLines(50), 50, 0));
    outcomes.add(run(dir, "huge-line.jsonl", hugeLine(), 1, 1));
    outcomes.add(run(dir, "binary.jsonl", binary(random, 40), 40, 40));
    outcomes.add(run(dir, "empty.csv", new byte[0], 0, 0));
    outcomes.add(run(dir, "empty.jsonl", new byte[0], 0, 0));
    return outcomes;
  }

  static void print(List<Outcome> outcomes, PrintStream out) {
    out.printf(Locale.ROOT, "%nbad files for ingest (validated, nothing produced)%n");
    out.printf(
        Locale.ROOT,
        "  %-20s %6s %5s %9s %9s  %s%n",
        "file",
        "rows",
        "bad",
        "accepted",
        "reported",
        "");
    for (Outcome o : outcomes) {
      out.printf(
          Locale.ROOT,
          "  %-20s %6d %5d %9d %9d  %s%n",
          o.file(),
          o.rows(),
          o.bad(),
          o.accepted(),
          o.reported(),
          o.refused() != null
              ? "refused whole: " + o.refused()
              : o.accounted() ? "accounted" : "NOT ACCOUNTED");
    }
  }

  private static Outcome run(Path dir, String name, byte[] content, int rows, int bad)
      throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    StringWriter report = new StringWriter();
    Ingest ingest =
        new Ingest(
            EventSink.discarding(),
            Mapping.parse(MAPPING, "soak-mapping.yaml"),
            new RejectionReport(report, true),
            false,
            true,
            IngestProgress.silent(),
            new EventValidator());
    try {
      IngestResult result = ingest.run(List.of(IngestInput.file(file, null)));
      long reported = report.toString().lines().count();
      return new Outcome(name, rows, bad, result.produced(), reported, null);
    } catch (MappingException | UncheckedIOException e) {
      return new Outcome(name, rows, bad, 0, 0, e.getMessage());
    }
  }

  /** Every other row breaks its quoting: an open quote, or text after a closing one. */
  private static byte[] brokenQuoting() {
    String text = csv(100, i -> i % 4 == 1 ? "\"" : i % 4 == 3 ? "\"quoted\" trailing " : "");
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] latin1() {
    StringBuilder text = new StringBuilder("n,date,vessel,barrels\n");
    for (int i = 0; i < 100; i++) {
      String vessel = i % 10 < 3 ? "Mir\u00e9e " + i : "Vessel " + i;
      text.append(i).append(",2024-03-01,").append(vessel).append(",100\n");
    }
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** {@code rows} rows; {@code vesselPrefix} breaks a row when it returns text. */
  private static String csv(int rows, IntFunction<String> vesselPrefix) {
    StringBuilder text = new StringBuilder("n,date,vessel,barrels\n");
    for (int i = 0; i < rows; i++) {
      text.append(i)
          .append(",2024-03-01,")
          .append(vesselPrefix.apply(i))
          .append("Vessel ")
          .append(i)
          .append(",100\n");
    }
    return text.toString();
  }

  private static byte[] bomJsonLines(int lines) {
    StringBuilder text = new StringBuilder("\uFEFF");
    for (int i = 0; i < lines; i++) {
      text.append(
          "{\"type\":\"troop-deployment\",\"header\":{\"eventId\":\"soak-bom-"
              + i
              + "\",\"sourceName\":\"s\",\"sourceKind\":\"OBSERVED\",\"eventTime\":"
              + "\"2024-10-08T00:00:00Z\",\"origin\":\"PRK\",\"destination\":\"RUS\"},"
              + "\"personnel\":10}\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] hugeLine() {
    byte[] line = new byte[50 * 1024 * 1024 + 1];
    Arrays.fill(line, (byte) 'x');
    line[line.length - 1] = '\n';
    return line;
  }

  private static byte[] binary(SplittableRandom random, int lines) {
    byte[] junk = new byte[lines * 100];
    for (int i = 0; i < junk.length; i++) {
      junk[i] = (i % 100 == 99) ? (byte) '\n' : (byte) (0x80 + random.nextInt(128));
    }
    return junk;
  }
}
