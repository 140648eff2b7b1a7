package io.transfermonitor.streams.fact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.streams.Events;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class FactSerdeTest {

  private final FactSerde serde = new FactSerde();

  @Test
  void shouldCarryEveryKindOfFactThroughARepartitionTopicUnchanged() {
    List<Fact> facts =
        List.of(
            Fact.of(Events.refined("r1", "2024-06-18T06:00:00Z", 27_500)),
            Fact.of(
                Events.tanker(
                    "c1",
                    SourceKind.REPORTED,
                    "2024-12-21T00:00:00Z",
                    ProductClass.CRUDE,
                    "CRUDE",
                    5_000,
                    "METRIC_TON")),
            Fact.of(Events.containers("m1", "2023-09-07T00:00:00Z", CargoCategory.MUNITIONS, 120)),
            Fact.of(Events.arms("a1", "2024-01-10T00:00:00Z", "PRK", "RUS")),
            Fact.of(Events.troops("t1", "2024-10-20T00:00:00Z", 3_000)),
            Fact.of(Events.workers("w1", "2024-02-01T00:00:00Z", 400)));

    for (Fact fact : facts) {
      byte[] bytes = serde.serializer().serialize("facts-by-rule", fact);
      assertThat(serde.deserializer().deserialize("facts-by-rule", bytes)).isEqualTo(fact);
    }
  }

  @Test
  void shouldCarryPartiesRoutesAndStringsLongerThan64KibUnchanged() {
    // given
    String longName = "M".repeat(70_000);
    List<Fact> facts =
        List.of(
            Fact.of(Events.payment("p1", "2024-11-02T00:00:00Z", "Foreign Trade Bank", "FTBDKPPY")),
            Fact.of(Events.shipment("s1", "2023-10-01T00:00:00Z", "Rajin", "Dunai", "Tikhoretsk")),
            Fact.of(Events.refined("r2", "2024-06-18T06:00:00Z", 1_000)).toBuilder()
                .subject(longName)
                .build());

    // when / then
    for (Fact fact : facts) {
      byte[] bytes = serde.serializer().serialize("facts-by-rule", fact);
      assertThat(serde.deserializer().deserialize("facts-by-rule", bytes)).isEqualTo(fact);
    }
  }

  @Test
  void shouldCarryTheSourceAndTheCorroborationOfAnObservationUnchanged() {
    // given
    Fact observed =
        Events.secondSighting(
            "b", "2024-03-01T12:00:00Z", "2024-03-01T00:00:00Z", 200_000, 210_000);

    // when
    byte[] bytes = serde.serializer().serialize("facts-by-rule", observed);
    Fact read = serde.deserializer().deserialize("facts-by-rule", bytes);

    // then
    assertThat(read).isEqualTo(observed);
    assertThat(read.sourceName()).isEqualTo("AIS");
    assertThat(read.contribution().amount()).isEqualTo(10_000.0);
  }

  @Test
  void shouldStillReadAFactWrittenInTheSecondFormat() {
    // given: version 2 ended after the parties, without source name and corroboration
    Fact fact =
        Fact.of(Events.shipment("s1", "2023-10-01T00:00:00Z", "Rajin", "Dunai", "Tikhoretsk"))
            .toBuilder()
            .sourceName(null)
            .build();
    byte[] current = serde.serializer().serialize("facts-by-rule", fact);
    // a null string is 4 bytes (length -1), no corroboration 1 byte
    byte[] version2 = Arrays.copyOf(current, current.length - 5);
    version2[0] = 2;

    // when
    Fact read = serde.deserializer().deserialize("facts-by-rule", version2);

    // then
    assertThat(read).isEqualTo(fact);
    assertThat(read.contribution().amount()).isEqualTo(100.0);
  }

  @Test
  void shouldStillReadAFactWrittenInTheFirstFormat() throws IOException {
    // given: version 1, as written before vessels, routes and parties were carried
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      utf(out, "d1");
      utf(out, "TANKER_DELIVERY");
      utf(out, "OBSERVED");
      out.writeLong(1_709_251_200_000L);
      utf(out, "RUS");
      utf(out, "PRK");
      out.writeInt(1);
      utf(out, "seed-000");
      out.writeDouble(1_000);
      utf(out, "BARREL");
      out.writeDouble(1_000);
      utf(out, "BARREL");
      utf(out, "REFINED");
      utf(out, "DIESEL");
      utf(out, null);
      out.writeBoolean(false);
      utf(out, "SLE");
      utf(out, null);
      utf(out, "DIESEL by vessel Test Tanker");
    }

    // when
    Fact fact = serde.deserializer().deserialize("facts-by-rule", bytes.toByteArray());

    // then
    assertThat(fact.eventId()).isEqualTo("d1");
    assertThat(fact.amount()).isEqualTo(1_000.0);
    assertThat(fact.subject()).isEqualTo("DIESEL by vessel Test Tanker");
    assertThat(fact.parties()).isEmpty();
  }

  private static void utf(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  @Test
  void shouldNameTheTopicWhenBytesAreNotAFact() {
    assertThatThrownBy(() -> serde.deserializer().deserialize("facts-by-rule", new byte[] {9, 1}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("facts-by-rule");
  }
}
