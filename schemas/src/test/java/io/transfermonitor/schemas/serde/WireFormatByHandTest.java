package io.transfermonitor.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import io.transfermonitor.model.Party;
import io.transfermonitor.model.PartyRole;
import io.transfermonitor.model.SourceKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Payloads built byte by byte from the two specs: the Confluent wire format (magic byte 0x00, the
 * schema id as a 4-byte big-endian int) and Avro's binary encoding (zigzag varints, length-prefixed
 * UTF-8 strings, enum symbols by index, union branch index first, arrays in counted blocks ending
 * in 0, doubles as 8 little-endian bytes). Nothing here is produced by Avro's own encoder.
 */
class WireFormatByHandTest {

  private static final String TOPIC = "tm.reference.designations";
  private static final int SCHEMA_ID = 0x01020304;

  /** Identifier{scheme=BIC, value="FTBDKPPY"}: every byte written out. */
  private static final byte[] IDENTIFIER_BYTES = {
    0x00, // magic byte
    0x01, 0x02, 0x03, 0x04, // schema id 16909060, big-endian
    0x04, // scheme: enum index 2 (BIC), zigzag 2 -> 4
    0x10, // value: string length 8, zigzag 8 -> 16
    'F', 'T', 'B', 'D', 'K', 'P', 'P', 'Y'
  };

  @Test
  void shouldReadAnIdentifierWrittenByHand() {
    OneSchemaRegistry registry = new OneSchemaRegistry(SCHEMA_ID, Identifier.getClassSchema());
    AvroDeserializer<Identifier> deserializer = new AvroDeserializer<>(registry, Identifier.class);

    Identifier read = deserializer.deserialize(TOPIC, IDENTIFIER_BYTES);

    assertThat(read).isEqualTo(new Identifier(IdentifierScheme.BIC, "FTBDKPPY"));
  }

  @Test
  void shouldWriteExactlyTheBytesOfTheSpecForAnIdentifier() {
    OneSchemaRegistry registry = new OneSchemaRegistry(SCHEMA_ID, Identifier.getClassSchema());
    AvroSerializer<Identifier> serializer = new AvroSerializer<>(registry, true, false);

    byte[] written = serializer.serialize(TOPIC, new Identifier(IdentifierScheme.BIC, "FTBDKPPY"));

    assertThat(written).containsExactly(IDENTIFIER_BYTES);
    assertThat(registry.registeredSubjects).containsExactly(TOPIC + "-value");
  }

  @Test
  void shouldReadAndWriteAnEventHeaderEncodedByHand() {
    Instant eventTime = Instant.parse("2024-03-05T06:07:08.009Z");
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId("e-1")
            .setSourceName("OSINT")
            .setSourceKind(SourceKind.OBSERVED)
            .setEventTime(eventTime)
            .setReportTime(null)
            .setOrigin("RUS")
            .setDestination(null)
            .setConfidence(0.75)
            .setReferences(List.of("r1", "r2"))
            .setParties(
                List.of(
                    new Party(
                        PartyRole.VESSEL,
                        "Sky",
                        List.of(new Identifier(IdentifierScheme.IMO, "9173729")),
                        "PRK")))
            .build();
    ByteArrayOutputStream spec = new ByteArrayOutputStream();
    spec.writeBytes(new byte[] {0x00, 0x00, 0x00, 0x01, 0x2C}); // magic, id 300 big-endian
    string(spec, "e-1"); // eventId
    string(spec, "OSINT"); // sourceName
    varint(spec, 1); // sourceKind OBSERVED = index 1
    varint(spec, eventTime.toEpochMilli()); // eventTime, timestamp-millis as long
    varint(spec, 0); // reportTime: union branch 0 = null, no value
    varint(spec, 1); // origin: union branch 1 = string
    string(spec, "RUS");
    varint(spec, 0); // destination: null branch
    spec.writeBytes(new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xE8, 0x3F}); // 0.75, little-endian
    varint(spec, 2); // references: one block of 2 items
    string(spec, "r1");
    string(spec, "r2");
    varint(spec, 0); // end of array
    varint(spec, 1); // parties: one block of 1
    varint(spec, 5); // role VESSEL = index 5
    string(spec, "Sky");
    varint(spec, 1); // identifiers: one block of 1
    varint(spec, 0); // scheme IMO = index 0
    string(spec, "9173729");
    varint(spec, 0); // end of identifiers
    varint(spec, 1); // country: string branch
    string(spec, "PRK");
    varint(spec, 0); // end of parties
    byte[] expected = spec.toByteArray();
    OneSchemaRegistry registry = new OneSchemaRegistry(300, EventHeader.getClassSchema());

    EventHeader read =
        new AvroDeserializer<>(registry, EventHeader.class).deserialize(TOPIC, expected);
    byte[] written =
        new AvroSerializer<EventHeader>(registry, true, false).serialize(TOPIC, header);

    assertThat(read).isEqualTo(header);
    assertThat(written).containsExactly(expected);
  }

  /** Avro long/int: zigzag (sign into the lowest bit), then 7 bits a byte, low group first. */
  private static void varint(ByteArrayOutputStream out, long value) {
    long zigzag = (value << 1) ^ (value >> 63);
    while ((zigzag & ~0x7FL) != 0) {
      out.write((int) ((zigzag & 0x7F) | 0x80));
      zigzag >>>= 7;
    }
    out.write((int) zigzag);
  }

  /** Avro string: byte length as a varint, then UTF-8 bytes. */
  private static void string(ByteArrayOutputStream out, String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    varint(out, utf8.length);
    out.writeBytes(utf8);
  }
}
