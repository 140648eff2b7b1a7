package io.transfermonitor.streams.ais;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.streams.fact.InternalAvro;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class EncountersSerdeTest {

  private final EncounterParams params = EncounterParams.defaults();
  private final Cells cells = new Cells(params.cellDegrees());
  private final EncountersSerde serde = new EncountersSerde(cells, params);

  @Test
  void shouldKeepTheHeldPingsInTimeOrderThroughTheStore() {
    // given a cell holding two pings that came out of time order
    Encounters cell = new Encounters("192:622", cells, params);
    cell.hold(Ping.at("445000001", 2_000_000, 38.45, 124.05));
    cell.hold(Ping.at("273000001", 1_000_000, 38.45, 124.06));

    // when
    Encounters read =
        serde.deserializer().deserialize("t", serde.serializer().serialize("t", cell));

    // then
    assertThat(read.pending()).extracting(Ping::mmsi).containsExactly("273000001", "445000001");
    assertThat(read.held()).isEqualTo(2);
  }

  @Test
  void shouldReadACellAnEarlierMonitorWroteWithoutHeldPings() throws IOException {
    // given a cell in version 1 of the form: one vessel's latest ping, no pairs
    Schema v1 = InternalAvro.schema(EncountersSerde.class, "EncounterCellRecord-v1.avsc");
    Schema pingSchema = v1.getField("vessels").schema().getElementType();
    GenericRecord ping = new GenericData.Record(pingSchema);
    ping.put("mmsi", "273000001");
    ping.put("time", 1_000_000L);
    ping.put("lat", 38.45);
    ping.put("lon", 124.05);
    GenericRecord record = new GenericData.Record(v1);
    record.put("cell", "192:622");
    record.put("vessels", List.of(ping));
    record.put("pairs", List.of());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(1);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(v1).write(record, encoder);
    encoder.flush();

    // when
    Encounters read = serde.deserializer().deserialize("t", bytes.toByteArray());

    // then
    assertThat(read.cell()).isEqualTo("192:622");
    assertThat(read.vessels()).extracting(Ping::mmsi).containsExactly("273000001");
    assertThat(read.held()).isZero();
  }
}
