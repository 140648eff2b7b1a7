package io.transfermonitor.producers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.ComponentFinding;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.producers.CapturingSink;
import io.transfermonitor.schemas.validation.EventValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The component-findings example ingests whole; a file with bad rows names each and goes on. */
class ComponentFindingsExampleTest {

  private static final Path DIR = Path.of("examples", "component-findings");

  private final CapturingSink sink = new CapturingSink();
  private final StringWriter report = new StringWriter();

  private IngestResult ingest(IngestInput input) {
    return new Ingest(
            sink,
            Mapping.load(DIR.resolve("mapping.yaml")),
            new RejectionReport(report, false),
            false,
            false,
            IngestProgress.silent(),
            new EventValidator())
        .run(List.of(input));
  }

  private List<ComponentFinding> sent() {
    return sink.sent.stream().map(ComponentFinding.class::cast).toList();
  }

  @Test
  void shouldIngestTheExampleWithStableIdsAndTheMakersCountriesMapped() throws IOException {
    IngestResult first = ingest(IngestInput.file(DIR.resolve("findings.csv"), null));
    List<String> ids = sent().stream().map(f -> f.getHeader().getEventId()).toList();
    sink.sent.clear();
    ingest(IngestInput.file(DIR.resolve("findings.csv"), null));

    assertThat(first.records()).isEqualTo(5);
    assertThat(first.rejected()).isZero();
    assertThat(ids).hasSize(5).doesNotHaveDuplicates().allMatch(id -> id.startsWith("components/"));
    assertThat(sent().stream().map(f -> f.getHeader().getEventId())).containsExactlyElementsOf(ids);
    ComponentFinding kh01 = sent().get(0);
    assertThat(kh01.getHeader().getSourceKind()).isEqualTo(SourceKind.REPORTED);
    assertThat(kh01.getHeader().getOrigin()).isEqualTo("PRK");
    assertThat(kh01.getMaker()).isEqualTo("Example Maker US-A");
    assertThat(kh01.getDateCode()).isEqualTo("2022-03");
    assertThat(kh01.getManufactured()).hasToString("2022-03-01T00:00:00Z");
    assertThat(kh01.getHsCode()).isEqualTo("8542.31");
    // "United States" and "US" both mapped, "Germany" and "Japan" too
    assertThat(sent())
        .extracting(ComponentFinding::getMakerCountry)
        .containsExactly("USA", "USA", "USA", "DEU", "JPN");
    // no HS code in the report: the finding is still made, without one
    assertThat(sent().get(3).getHsCode()).isNull();
  }

  @Test
  void shouldReportEachBadRowWithItsReasonAndCountTheGoodOnes() {
    String csv =
        """
        finding_id,recovered,used_in,weapon_type,weapon,place,examined_by,maker,maker_country,part_number,marking,date_code,hs_code,function,report,page
        B-1,2024-01-02,UKR,missile,KN-23,Kharkiv,Examiner,Example Maker US-A,US,P-1,,2022-03,8542.31,cpu,report,p. 1
        B-2,2024-01-02,UKR,missile,KN-23,Kharkiv,Examiner,,US,P-2,,2022-03,8542.31,cpu,report,p. 2
        B-3,2024-01-02,UKR,missile,KN-23,Kharkiv,Examiner,Example Maker DE-A,DE,P-3,,21x7,8542.39,adc,report,p. 3
        B-4,2024-01-02,UKR,missile,KN-23,Kharkiv,Examiner,Example Maker JP-A,JP,P-4,,2021-08,9912.34,capacitor,report,p. 4
        B-5,2024-01-02,UKR,missile,KN-23,Kharkiv,Examiner,Example Maker JP-A,JP,P-5,,2021-09,,capacitor,report,p. 5
        """;
    IngestResult result =
        ingest(
            IngestInput.stream(
                "findings.csv",
                InputFormat.CSV,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));

    assertThat(result.records()).isEqualTo(5);
    assertThat(result.produced()).isEqualTo(2);
    assertThat(result.rejected()).isEqualTo(3);
    assertThat(sent()).extracting(ComponentFinding::getPartNumber).containsExactly("P-1", "P-5");
    List<String> lines = report.toString().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).startsWith("findings.csv,3,maker,missing required field,");
    assertThat(lines.get(2))
        .startsWith(
            "findings.csv,4,manufactured,'21x7' in column 'date_code' is not a valid date of"
                + " format 'yyyy-MM',");
    assertThat(lines.get(3))
        .startsWith(
            "findings.csv,5,hsCode,\"unknown HS code '9912.34': chapter 99 is not a chapter of"
                + " the Harmonized System (01-97, 77 reserved)\",");
  }
}
