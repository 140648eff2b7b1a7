package io.transfermonitor.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: byte 0 is the magic byte {@code 0x00}, bytes 1-4 the schema id as a
 * big-endian int, then the Avro binary encoding of the datum.
 */
public final class WireFormat {

  /** The magic byte that starts every framed payload. */
  public static final byte MAGIC_BYTE = 0x0;

  /** Magic byte plus the 4-byte schema id. */
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  /** Writes the 5-byte header for {@code schemaId} into {@code buffer}. */
  public static void writeHeader(ByteBuffer buffer, int schemaId) {
    buffer.put(MAGIC_BYTE).putInt(schemaId);
  }

  /**
   * Reads and checks the header of {@code payload}; returns the schema id.
   *
   * @throws SerializationException naming {@code topic} when the payload is too short or does not
   *     start with the magic byte
   */
  public static int readSchemaId(String topic, byte[] payload) {
    if (payload.length < HEADER_SIZE) {
      throw new SerializationException(
          "topic '"
              + topic
              + "': payload of "
              + payload.length
              + " bytes is too short for the Confluent wire format (needs at least "
              + HEADER_SIZE
              + ")");
    }
    if (payload[0] != MAGIC_BYTE) {
      throw new SerializationException(
          String.format(
              "topic '%s': unknown magic byte 0x%02x (expected 0x00, Confluent wire format)",
              topic, payload[0]));
    }
    return ByteBuffer.wrap(payload, 1, 4).getInt();
  }
}
