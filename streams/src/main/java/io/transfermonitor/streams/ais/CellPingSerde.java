package io.transfermonitor.streams.ais;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A position on its way to a cell of the encounter search ({@link AisOutput.CellPing}), on the
 * monitor's own repartition topic: a version byte, then the fields in a fixed order, a presence
 * byte before each optional one. About 50 bytes; no registry, nobody else reads it. A {@link
 * AisOutput.Tick} is a byte 2 and the time.
 */
public final class CellPingSerde implements Serde<AisOutput> {

  private static final byte VERSION = 1;
  private static final byte TICK = 2;

  @Override
  public Serializer<AisOutput> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      if (value instanceof AisOutput.Tick tick) {
        return java.nio.ByteBuffer.allocate(9).put(TICK).putLong(tick.time()).array();
      }
      if (!(value instanceof AisOutput.CellPing cellPing)) {
        throw new SerializationException("only cell pings go to " + topic + ", not " + value);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        Ping p = cellPing.ping();
        out.writeByte(VERSION);
        out.writeUTF(p.mmsi());
        out.writeLong(p.time());
        out.writeDouble(p.lat());
        out.writeDouble(p.lon());
        writeDouble(out, p.speedKnots());
        writeDouble(out, p.courseDegrees());
        writeInt(out, p.headingDegrees());
        writeString(out, cellPing.imo());
        writeString(out, cellPing.name());
        writeInt(out, cellPing.shipType());
      } catch (IOException e) {
        throw new SerializationException("cannot write a cell ping", e);
      }
      return bytes.toByteArray();
    };
  }

  @Override
  public Deserializer<AisOutput> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
        byte version = in.readByte();
        if (version == TICK) {
          return new AisOutput.Tick(in.readLong());
        }
        if (version != VERSION) {
          throw new SerializationException(
              "a cell ping of version "
                  + version
                  + " on "
                  + topic
                  + ", this monitor reads "
                  + VERSION);
        }
        Ping ping =
            new Ping(
                in.readUTF(),
                in.readLong(),
                in.readDouble(),
                in.readDouble(),
                readDouble(in),
                readDouble(in),
                readInt(in));
        return new AisOutput.CellPing(ping, readString(in), readString(in), readInt(in));
      } catch (IOException e) {
        throw new SerializationException("cannot read a cell ping from " + topic, e);
      }
    };
  }

  private static void writeDouble(DataOutputStream out, Double value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeDouble(value);
    }
  }

  private static void writeInt(DataOutputStream out, Integer value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeInt(value);
    }
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value.length() > 256 ? value.substring(0, 256) : value);
    }
  }

  private static Double readDouble(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readDouble() : null;
  }

  private static Integer readInt(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readInt() : null;
  }

  private static String readString(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
