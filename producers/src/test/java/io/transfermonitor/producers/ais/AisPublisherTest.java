package io.transfermonitor.producers.ais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.producers.ingest.RejectionReport;
import io.transfermonitor.schemas.Topics;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class AisPublisherTest {

  @Test
  void shouldSendPositionsAndVoyagesByMmsiAndReportRejectedLines() throws IOException {
    // given a log with a position, a two-part voyage and a line with a bad checksum
    String log =
        String.join(
            "\n",
            NmeaAisReaderTest.TYPE_1,
            NmeaAisReaderTest.TYPE_5_PART_1,
            NmeaAisReaderTest.TYPE_5_PART_2,
            "!AIVDM,1,1,,A,13HOI:0P0000VOHLCnHQKwvL05Ip,0*24");
    MockProducer<String, SpecificRecord> producer =
        new MockProducer<>(true, null, new StringSerializer(), (topic, value) -> new byte[0]);
    StringWriter report = new StringWriter();
    Topics topics = Topics.defaults();

    // when it is read into the publisher
    try (AisPublisher publisher =
        new AisPublisher(producer, topics, new RejectionReport(report, false), "log.nmea")) {
      new NmeaAisReader(NmeaAisReader.Options.of(Instant.EPOCH, "log.nmea"))
          .read(new StringReader(log), publisher);
      assertThat(publisher.acknowledged()).isEqualTo(2);
    }

    // then the position and the voyage are on their topics keyed by MMSI, the bad line reported
    assertThat(producer.history())
        .extracting(ProducerRecord::topic, ProducerRecord::key)
        .containsExactly(
            tuple(topics.aisPositions(), "227006760"), tuple(topics.aisVoyages(), "351759000"));
    assertThat(report.toString())
        .contains("log.nmea,4,,\"BAD_CHECKSUM: checksum 24, computed 23\",\"!AIVDM,1,1,,A,13HOI");
  }
}
