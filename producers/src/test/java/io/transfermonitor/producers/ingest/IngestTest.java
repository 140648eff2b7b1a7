package io.transfermonitor.producers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.producers.CapturingSink;
import io.transfermonitor.schemas.validation.EventValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestTest {

  static final Path EXAMPLES = Path.of("examples");

  private static final String SIGHTINGS_WITH_ERRORS =
      """
      date,vessel,imo,flag,port,est_barrels,ship_to_ship,counterpart,counterpart_flag
      04/03/2024,Kumsu 1,9000011,KP,Nampo,"27,500",no,,
      31/04/2024,Unha 5,9000022,KP,Chongjin,"26,000",no,,
      19/03/2024,Chilbo 2,9000033,KP,Nampo,"-29,000",no,,
      27/03/2024,Mirae 9,9000044,KP,Nampo,"25,500",no,,
      02/04/2024,Haebit 3,9000055,KP,Chongjin,"28,000",no,,
      """;

  private final CapturingSink sink = new CapturingSink();
  private final StringWriter reportText = new StringWriter();

  private IngestResult ingest(String csv, Mapping mapping, boolean toRejectedTopic, boolean dry) {
    RejectionReport report = new RejectionReport(reportText, false);
    Ingest ingest =
        new Ingest(
            sink,
            mapping,
            report,
            toRejectedTopic,
            dry,
            IngestProgress.silent(),
            new EventValidator());
    return ingest.run(
        List.of(
            IngestInput.stream(
                "sightings.csv",
                InputFormat.CSV,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))));
  }

  /** One input of {@code bytes} through a pipeline writing to {@code to} and {@code report}. */
  private static IngestResult ingestBytes(
      CapturingSink to,
      Mapping mapping,
      RejectionReport report,
      String name,
      InputFormat format,
      byte[] bytes) {
    Ingest ingest =
        new Ingest(
            to, mapping, report, false, false, IngestProgress.silent(), new EventValidator());
    return ingest.run(List.of(IngestInput.stream(name, format, new ByteArrayInputStream(bytes))));
  }

  private static Mapping sightingsMapping() {
    return Mapping.load(EXAMPLES.resolve("osint-tanker-sightings/mapping.yaml"));
  }

  @Test
  void shouldReportBadRowsWithLineNumbersAndProduceEveryGoodRow() {
    IngestResult result = ingest(SIGHTINGS_WITH_ERRORS, sightingsMapping(), false, false);

    assertThat(result.records()).isEqualTo(5);
    assertThat(result.produced()).isEqualTo(3);
    assertThat(result.rejected()).isEqualTo(2);
    assertThat(sink.sent)
        .extracting(e -> ((TankerDelivery) e).getVesselName())
        .containsExactly("Kumsu 1", "Mirae 9", "Haebit 3");
    assertThat(reportText.toString().lines().toList())
        .containsExactly(
            "file,line,field,reason,raw",
            "sightings.csv,3,header.eventTime,'31/04/2024' in column 'date' is not a valid date of"
                + " format 'dd/MM/yyyy',\"31/04/2024,Unha 5,9000022,KP,Chongjin,\"\"26,000\"\",no,,\"",
            "sightings.csv,4,quantity,must not be negative (was -29000.0),\"19/03/2024,Chilbo"
                + " 2,9000033,KP,Nampo,\"\"-29,000\"\",no,,\"");
    assertThat(sink.flushes).isEqualTo(1);
  }

  @Test
  void shouldReportAnUnknownUnitWithItsLine() {
    Mapping mapping =
        Mapping.parse(
            """
            source: Units test
            type: tanker-delivery
            id: { columns: [n] }
            fields:
              header.sourceKind: { value: REPORTED }
              header.eventTime: { column: month, format: "yyyy-MM" }
              header.destination: { value: PRK }
              productClass: { value: REFINED }
              product: { value: DIESEL }
              quantity: { column: qty }
              unit: { column: unit, map: { t: METRIC_TON, bbl: BARREL } }
            """,
            "units.yaml");
    String csv = "n,month,qty,unit\n1,2024-01,100,t\n2,2024-02,200,gal\n3,2024-03,300,bbl\n";

    IngestResult result = ingest(csv, mapping, false, false);

    assertThat(result.produced()).isEqualTo(2);
    assertThat(reportText.toString())
        .contains(
            "sightings.csv,3,unit,\"unknown unit 'gal' (expected one of [BARREL, KILOLITRE, LITRE,"
                + " METRIC_TON])\",\"2,2024-02,200,gal\"");
  }

  @Test
  void shouldSendRejectedRecordsToTheRejectedTopicWhenAsked() {
    ingest(SIGHTINGS_WITH_ERRORS, sightingsMapping(), true, false);

    assertThat(sink.rejected).hasSize(2);
    assertThat(sink.rejected.get(1).getStage()).isEqualTo(RejectionStage.INGEST);
    assertThat(sink.rejected.get(1).getSourceFile()).isEqualTo("sightings.csv");
    assertThat(sink.rejected.get(1).getSourceLine()).isEqualTo(4L);
    assertThat(sink.rejected.get(1).getField()).isEqualTo("quantity");
    assertThat(sink.rejected.get(1).getEventId()).startsWith("osint-tankers/");
    assertThat(StandardCharsets.UTF_8.decode(sink.rejected.get(1).getRawValue()).toString())
        .startsWith("19/03/2024,Chilbo 2");
  }

  @Test
  void shouldProduceNothingInADryRunButStillReport() {
    IngestResult result = ingest(SIGHTINGS_WITH_ERRORS, sightingsMapping(), true, true);

    assertThat(result.produced()).isEqualTo(3);
    assertThat(result.summary()).startsWith("dry run: 5 records, 3 valid, 2 rejected");
    assertThat(sink.sent).isEmpty();
    assertThat(sink.rejected).isEmpty();
    assertThat(reportText.toString().lines()).hasSize(3);
  }

  @Test
  void shouldRejectInADryRunANumberWrittenInAnotherNotationWithItsRowAndField() {
    // given: a row of the sightings sheet written the European way, 3.450,5 barrels, under the
    // mapping's thousands ","
    String csv =
        """
        date,vessel,imo,flag,port,est_barrels,ship_to_ship,counterpart,counterpart_flag
        04/03/2024,Kumsu 1,9000011,KP,Nampo,"27,500",no,,
        05/03/2024,Unha 5,9000022,KP,Chongjin,"3.450,5",no,,
        """;

    // when
    IngestResult result = ingest(csv, sightingsMapping(), false, true);

    // then: the row is not valid, never read as 3.4505 barrels
    assertThat(result.summary()).startsWith("dry run: 2 records, 1 valid, 1 rejected");
    assertThat(reportText.toString().lines().skip(1))
        .singleElement()
        .asString()
        .startsWith(
            "sightings.csv,3,quantity,\"\"\"3.450,5\"\" in column 'est_barrels' does not fit the"
                + " column's number format (decimal '.', thousands ',', as in 1,234.5): the"
                + " thousands separator ',' comes after the decimal separator '.'");
  }

  @Test
  void shouldReadJsonLinesAndReportTheBadLine() throws IOException {
    String jsonl =
        """
        {"type":"troop-deployment","header":{"eventId":"t1","sourceName":"s","sourceKind":"OBSERVED","eventTime":"2024-10-08T00:00:00Z","origin":"PRK","destination":"RUS"},"personnel":1500}

        {"type":"troop-deployment","header":{"eventId":"t2","sourceName":"s","sourceKind":"OBSERVED","eventTime":"yesterday","origin":"PRK","destination":"RUS"},"personnel":10}
        {"type":"WORKER_DISPATCH","header":{"eventId":"w1","sourceName":"s","sourceKind":"OBSERVED","eventTime":"2024-02-01","origin":"PRK","destination":"RUS"},"workers":500}
        """;
    Ingest ingest =
        new Ingest(
            sink,
            null,
            new RejectionReport(reportText, true),
            false,
            false,
            IngestProgress.silent(),
            new EventValidator());

    IngestResult result =
        ingest.run(
            List.of(
                IngestInput.stream(
                    "events.jsonl",
                    InputFormat.JSONL,
                    new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)))));

    assertThat(result.records()).isEqualTo(3);
    assertThat(sink.sent).hasSize(2);
    assertThat(reportText.toString())
        .startsWith("{\"file\":\"events.jsonl\",\"line\":3,\"field\":\"header.eventTime\"");
  }

  @Test
  void shouldReportTheRowAnUnbalancedQuoteOpensAndReadEveryRowAfterIt() {
    // given: line 3 opens a quote it never closes
    String csv =
        SIGHTINGS_WITH_ERRORS
            .replace("31/04/2024,Unha 5", "10/03/2024,\"Unha 5")
            .replace(
                "19/03/2024,Chilbo 2,9000033,KP,Nampo,\"-29,000\"",
                "19/03/2024,Chilbo 2,9000033,KP,Nampo,\"29,000\"");

    // when
    IngestResult result = ingest(csv, sightingsMapping(), false, false);

    // then: the broken row alone is reported, the three rows after it are produced
    assertThat(result.rejected()).isEqualTo(1);
    assertThat(sink.sent)
        .extracting(e -> ((TankerDelivery) e).getVesselName())
        .containsExactly("Kumsu 1", "Chilbo 2", "Mirae 9", "Haebit 3");
    assertThat(reportText.toString().lines().toList().get(1))
        .startsWith("sightings.csv,3,,text after the closing quote of field 2,");
  }

  @Test
  void shouldRejectTextAfterAClosingQuoteInsteadOfJoiningIt() {
    // given
    String csv = SIGHTINGS_WITH_ERRORS.replace(",Kumsu 1,", ",\"Kumsu\" 1,");

    // when
    IngestResult result = ingest(csv, sightingsMapping(), false, false);

    // then
    assertThat(result.rejected()).isEqualTo(3);
    assertThat(sink.sent)
        .extracting(e -> ((TankerDelivery) e).getVesselName())
        .containsExactly("Mirae 9", "Haebit 3");
    assertThat(reportText.toString()).contains("sightings.csv,2,,text after the closing quote");
  }

  @Test
  void shouldRejectBothRowsAQuoteClosedOnTheLaterRowWouldMerge() {
    // given: line 3 opens a quote in the vessel column, line 4 closes it with a bare quote there
    String csv =
        """
        date,vessel,imo,flag,port,est_barrels,ship_to_ship,counterpart,counterpart_flag
        04/03/2024,Kumsu 1,9000011,KP,Nampo,27500,no,,
        27/03/2024,"Mirae 9,9000044,KP,Nampo,25500,no,,
        02/04/2024,Haebit 3",9000055,KP,Chongjin,28000,no,,
        05/04/2024,Rason 7,9000066,KP,Nampo,21000,no,,
        """;

    // when
    IngestResult result = ingest(csv, sightingsMapping(), false, false);

    // then: lines 3 and 4 reported with their numbers, the rows around them produced
    assertThat(result.records()).isEqualTo(4);
    assertThat(result.rejected()).isEqualTo(2);
    assertThat(sink.sent)
        .extracting(e -> ((TankerDelivery) e).getVesselName())
        .containsExactly("Kumsu 1", "Rason 7");
    List<String> report = reportText.toString().lines().toList();
    assertThat(report.get(1))
        .startsWith(
            "sightings.csv,3,,\"the quote opened in field 2 closes only on line 4, joining lines"
                + " 3-4 into one row")
        .endsWith(",\"27/03/2024,\"\"Mirae 9,9000044,KP,Nampo,25500,no,,\"");
    assertThat(report.get(2))
        .startsWith("sightings.csv,4,,\"quote inside unquoted field 2")
        .endsWith(",\"02/04/2024,Haebit 3\"\",9000055,KP,Chongjin,28000,no,,\"");
  }

  @Test
  void shouldRejectAQuoteInsideAnUnquotedField() {
    // given
    String csv = SIGHTINGS_WITH_ERRORS.replace(",Mirae 9,", ",Mirae \"9\",");

    // when
    IngestResult result = ingest(csv, sightingsMapping(), false, false);

    // then
    assertThat(result.rejected()).isEqualTo(3);
    assertThat(sink.sent)
        .extracting(e -> ((TankerDelivery) e).getVesselName())
        .containsExactly("Kumsu 1", "Haebit 3");
    assertThat(reportText.toString()).contains("sightings.csv,5,,\"quote inside unquoted field 2");
  }

  @Test
  void shouldStopAFileWhoseHeaderRowIsBrokenNamingTheFile() {
    // given
    String csv = SIGHTINGS_WITH_ERRORS.replace("date,vessel,", "date,ves\"sel,");

    // when, then
    assertThatThrownBy(() -> ingest(csv, sightingsMapping(), false, false))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith(
            "sightings.csv: line 1, the header row: quote inside unquoted field 2");
    assertThat(sink.sent).isEmpty();
  }

  @Test
  void shouldRejectARowWhoseBytesAreNotUtf8() {
    // given: one vessel name in Latin-1
    byte[] good = SIGHTINGS_WITH_ERRORS.getBytes(StandardCharsets.UTF_8);
    String text = new String(good, StandardCharsets.ISO_8859_1).replace("Mirae 9", "Mir\u00e9e 9");
    byte[] mixed = text.getBytes(StandardCharsets.ISO_8859_1);

    // when
    IngestResult result =
        ingestBytes(
            sink,
            sightingsMapping(),
            new RejectionReport(reportText, false),
            "latin1.csv",
            InputFormat.CSV,
            mixed);

    // then
    assertThat(result.rejected()).isEqualTo(3);
    assertThat(reportText.toString())
        .contains("latin1.csv,5,,the row holds bytes that are not valid UTF-8");
    assertThat(sink.sent)
        .extracting(e -> ((TankerDelivery) e).getVesselName())
        .containsExactly("Kumsu 1", "Haebit 3");
  }

  @Test
  void shouldReadAJsonLinesFileThatStartsWithAByteOrderMark() {
    // given
    String jsonl =
        "\uFEFF{\"type\":\"troop-deployment\",\"header\":{\"eventId\":\"t1\",\"sourceName\":\"s\","
            + "\"sourceKind\":\"OBSERVED\",\"eventTime\":\"2024-10-08T00:00:00Z\",\"origin\":\"PRK\","
            + "\"destination\":\"RUS\"},\"personnel\":1500}\n";

    // when
    IngestResult result =
        ingestBytes(
            sink,
            null,
            new RejectionReport(reportText, true),
            "bom.jsonl",
            InputFormat.JSONL,
            jsonl.getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(result.rejected()).isZero();
    assertThat(sink.sent).hasSize(1);
  }

  @Test
  void shouldReportASendTheClusterDidNotTakeAndNotCountItAsProduced() {
    // given: the cluster refuses the Mirae 9 sighting (an outage outlasting the producer's retries)
    ingest(SIGHTINGS_WITH_ERRORS, sightingsMapping(), false, false);
    String miraeId =
        sink.sent.stream()
            .map(e -> (TankerDelivery) e)
            .filter(t -> t.getVesselName().equals("Mirae 9"))
            .findFirst()
            .orElseThrow()
            .getHeader()
            .getEventId();
    CapturingSink refusing = new CapturingSink().refusing(miraeId);
    StringWriter report = new StringWriter();

    // when
    IngestResult result =
        ingestBytes(
            refusing,
            sightingsMapping(),
            new RejectionReport(report, false),
            "sightings.csv",
            InputFormat.CSV,
            SIGHTINGS_WITH_ERRORS.getBytes(StandardCharsets.UTF_8));

    // then: named in the report with its line, not counted as produced
    assertThat(result.produced()).isEqualTo(2);
    assertThat(result.failedSends()).isEqualTo(1);
    assertThat(result.summary()).contains("2 produced", "1 FAILED to send");
    assertThat(report.toString())
        .contains(
            "sightings.csv,5,,\"not acknowledged by the cluster, not produced (event " + miraeId);
  }

  @Test
  void shouldKeepTheRawRecordOfASendTheClusterDidNotTakeSoStdinInputIsNotLost() throws Exception {
    // given: two events from standard input, the cluster refuses the second (an outage)
    String first =
        "{\"type\":\"troop-deployment\",\"header\":{\"eventId\":\"t1\",\"sourceName\":\"s\","
            + "\"sourceKind\":\"OBSERVED\",\"eventTime\":\"2024-10-08T00:00:00Z\","
            + "\"origin\":\"PRK\",\"destination\":\"RUS\"},\"personnel\":1500}";
    String second = first.replace("\"t1\"", "\"t2\"").replace("1500", "700");
    CapturingSink refusing = new CapturingSink().refusing("t2");
    StringWriter report = new StringWriter();

    // when
    IngestResult result =
        ingestBytes(
            refusing,
            null,
            new RejectionReport(report, true),
            "-",
            InputFormat.JSONL,
            (first + "\n" + second + "\n").getBytes(StandardCharsets.UTF_8));

    // then: the report row carries the line as it came in, to be sent again
    assertThat(result.failedSends()).isEqualTo(1);
    JsonNode row = new ObjectMapper().readTree(report.toString().lines().findFirst().orElseThrow());
    assertThat(row.get("file").asText()).isEqualTo("-");
    assertThat(row.get("line").asLong()).isEqualTo(2);
    assertThat(row.get("reason").asText()).startsWith("not acknowledged by the cluster");
    assertThat(row.get("raw").asText()).isEqualTo(second);
  }

  @Test
  void shouldKeepTheRawRowOfAFailedCsvSend() {
    // given: the cluster refuses the Kumsu 1 sighting
    ingest(SIGHTINGS_WITH_ERRORS, sightingsMapping(), false, false);
    String kumsuId = ((TankerDelivery) sink.sent.get(0)).getHeader().getEventId();
    StringWriter report = new StringWriter();

    // when
    ingestBytes(
        new CapturingSink().refusing(kumsuId),
        sightingsMapping(),
        new RejectionReport(report, false),
        "sightings.csv",
        InputFormat.CSV,
        SIGHTINGS_WITH_ERRORS.getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(report.toString().lines().filter(l -> l.startsWith("sightings.csv,2,")))
        .singleElement()
        .asString()
        .endsWith(",\"04/03/2024,Kumsu 1,9000011,KP,Nampo,\"\"27,500\"\",no,,\"");
  }

  @Test
  void shouldRejectACellSplitIntoMoreReferencesThanAnEventMayHoldWithItsRow() throws Exception {
    // given: the sightings mapping with a references column split on ';', and a row whose cell
    // holds 250,000 of them (500 KB, no long text)
    String yaml =
        Files.readString(EXAMPLES.resolve("osint-tanker-sightings/mapping.yaml"))
            + "  header.references: { column: refs, split: \";\" }\n";
    Mapping mapping = Mapping.parse(yaml, "mapping.yaml");
    String csv =
        "date,vessel,imo,flag,port,est_barrels,ship_to_ship,counterpart,counterpart_flag,refs\n"
            + "04/03/2024,Kumsu 1,9000011,KP,Nampo,27500,no,,,r1;r2\n"
            + "11/03/2024,Unha 5,9000022,KP,Chongjin,26000,no,,,"
            + "r;".repeat(250_000)
            + "\n";

    // when: a dry run, and a real one
    IngestResult dry = ingest(csv, mapping, false, true);
    IngestResult real = ingest(csv, mapping, false, false);

    // then: both reject the second row naming the array, and take the first
    assertThat(dry.summary()).startsWith("dry run: 2 records, 1 valid, 1 rejected");
    assertThat(real.produced()).isEqualTo(1);
    assertThat(real.rejected()).isEqualTo(1);
    assertThat(reportText.toString().lines())
        .filteredOn(line -> line.startsWith("sightings.csv,3,header.references,"))
        .hasSize(2)
        .allSatisfy(
            line -> assertThat(line).contains("250000 items").contains("tm.validation.max.items"));
  }
}
