package io.transfermonitor.producers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.producers.CapturingSink;
import io.transfermonitor.schemas.EventTypes;
import io.transfermonitor.schemas.validation.EventValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two documented example sources ingest cleanly, and the same file gives the same ids. */
class ExampleSourcesTest {

  private static List<TankerDelivery> ingest(String dir, String csv) throws IOException {
    CapturingSink sink = new CapturingSink();
    Path base = Path.of("examples", dir);
    IngestResult result =
        new Ingest(
                sink,
                Mapping.load(base.resolve("mapping.yaml")),
                null,
                true,
                false,
                IngestProgress.silent(),
                new EventValidator())
            .run(List.of(IngestInput.file(base.resolve(csv), null)));
    assertThat(result.rejected()).as("rejected rows of " + csv).isZero();
    assertThat(sink.rejected).isEmpty();
    return sink.sent.stream().map(TankerDelivery.class::cast).toList();
  }

  @ParameterizedTest
  @CsvSource({
    "1718-committee-monthly, deliveries.csv, 10, REPORTED, METRIC_TON",
    "osint-tanker-sightings, sightings.csv, 8, OBSERVED, BARREL"
  })
  void shouldIngestEveryRowWithStableUniqueIds(
      String dir, String csv, int rows, SourceKind kind, String unit) throws IOException {
    List<TankerDelivery> first = ingest(dir, csv);
    List<TankerDelivery> second = ingest(dir, csv);

    List<String> ids = first.stream().map(t -> EventTypes.headerOf(t).getEventId()).toList();
    assertThat(first).hasSize(rows);
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(second.stream().map(t -> EventTypes.headerOf(t).getEventId()))
        .containsExactlyElementsOf(ids);
    assertThat(first)
        .allMatch(t -> t.getHeader().getSourceKind() == kind)
        .allMatch(t -> t.getUnit().equals(unit));
  }

  @ParameterizedTest
  @CsvSource({"1718-committee-monthly, deliveries.csv", "osint-tanker-sightings, sightings.csv"})
  void shouldMapTheFirstRowAsDocumented(String dir, String csv) throws IOException {
    TankerDelivery first = ingest(dir, csv).get(0);
    if (dir.startsWith("1718")) {
      assertThat(first.getHeader().getOrigin()).isEqualTo("RUS");
      assertThat(first.getProduct()).isEqualTo("DIESEL");
      assertThat(first.getQuantity()).isEqualTo(3_120.5);
      assertThat(first.getHeader().getEventTime()).hasToString("2024-01-01T00:00:00Z");
      assertThat(first.getHeader().getReportTime()).hasToString("2024-03-14T00:00:00Z");
    } else {
      assertThat(first.getVesselName()).isEqualTo("Kumsu 1");
      assertThat(first.getVesselFlag()).isEqualTo("PRK");
      assertThat(first.getQuantity()).isEqualTo(27_500);
      assertThat(first.getHeader().getEventTime()).hasToString("2024-03-04T00:00:00Z");
    }
  }
}
