package io.transfermonitor.bench.ais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.cli.ais.DetectorFindings;
import io.transfermonitor.cli.ais.TrackSet;
import io.transfermonitor.cli.ais.TrackSetCsv;
import io.transfermonitor.streams.ais.AisReplay;
import io.transfermonitor.streams.ais.AisSettings;
import io.transfermonitor.streams.ais.Ping;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackSetCsvTest {

  @TempDir Path dir;

  @Test
  void shouldFindTheSameInASetWrittenOutAndReadBack() throws Exception {
    // given
    TrackSet set = PlantedTracks.generate(7, 20);

    // when
    TrackSetCsv.write(set, dir);
    TrackSet read = TrackSetCsv.read(dir);

    // then
    assertThat(Files.readAllLines(dir.resolve(TrackSetCsv.POSITIONS)).get(0))
        .isEqualTo("mmsi,time,lat,lon,sog,cog,heading");
    assertThat(read.pings()).hasSameSizeAs(set.pings());
    assertThat(read.truths()).isEqualTo(set.truths());
    assertThat(read.gazetteer().ports()).isEqualTo(set.gazetteer().ports());
    assertThat(read.gazetteer().areas()).hasSize(1);
    assertThat(found(read).all()).isNotEmpty().isEqualTo(found(set).all());
  }

  @Test
  void shouldReadAnOutsideSetWithItsOwnColumnOrderZonelessTimesAndMissingSpeeds() throws Exception {
    // given a NOAA-like layout: other columns, other order, BaseDateTime without a zone
    Files.writeString(
        dir.resolve(TrackSetCsv.POSITIONS),
        "time,mmsi,lat,lon,heading,sog,cog,VesselName\n"
            + "2024-05-01T00:02:00,273000001,38.5,124.0,511,,,\"ANNA, II\"\n"
            + "2024-05-01T00:01:00Z,445000001,38.501,124.0,90,0.4,90.0,X\n");

    // when
    TrackSet read = TrackSetCsv.read(dir);

    // then: in time order, the speed not available, no truth and no ports
    assertThat(read.pings())
        .containsExactly(
            new Ping("445000001", 1714521660000L, 38.501, 124.0, 0.4, 90.0, 90),
            new Ping("273000001", 1714521720000L, 38.5, 124.0, null, null, 511));
    assertThat(read.truths()).isEmpty();
    assertThat(read.gazetteer().ports()).isEmpty();
  }

  @Test
  void shouldNameTheFileAndLineOfABadPosition() throws Exception {
    Files.writeString(
        dir.resolve(TrackSetCsv.POSITIONS),
        "mmsi,time,lat,lon,sog,cog,heading\n273000001,yesterday,38.5,124.0,,,\n");

    assertThatThrownBy(() -> TrackSetCsv.read(dir))
        .hasMessageContaining("positions.csv line 2")
        .hasMessageContaining("yesterday");
  }

  private static DetectorFindings found(TrackSet set) {
    return DetectorFindings.of(AisReplay.of(AisSettings.of(set.gazetteer()), set.pings()));
  }
}
