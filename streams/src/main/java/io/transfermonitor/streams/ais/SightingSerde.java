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
 * A vessel's IMO number with its newest position ({@link AisOutput.Sighting}) on the monitor's own
 * repartition topic {@code sightings-by-imo}: a version byte, the IMO number, the MMSI, the
 * position's time and place. No registry; nobody else reads it.
 */
public final class SightingSerde implements Serde<AisOutput> {

  private static final byte VERSION = 1;

  @Override
  public Serializer<AisOutput> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      if (!(value instanceof AisOutput.Sighting sighting)) {
        throw new SerializationException("only IMO sightings go to " + topic + ", not " + value);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(48);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeByte(VERSION);
        write(out, sighting.sighting());
      } catch (IOException e) {
        throw new SerializationException("cannot write an IMO sighting", e);
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
        if (version != VERSION) {
          throw new SerializationException(
              "an IMO sighting of version "
                  + version
                  + " on "
                  + topic
                  + ", this monitor reads "
                  + VERSION);
        }
        return new AisOutput.Sighting(read(in));
      } catch (IOException e) {
        throw new SerializationException("cannot read an IMO sighting from " + topic, e);
      }
    };
  }

  static void write(DataOutputStream out, ImoSighting s) throws IOException {
    out.writeUTF(s.imo());
    out.writeUTF(s.mmsi());
    out.writeLong(s.position().time());
    out.writeDouble(s.position().lat());
    out.writeDouble(s.position().lon());
  }

  static ImoSighting read(DataInputStream in) throws IOException {
    String imo = in.readUTF();
    String mmsi = in.readUTF();
    return new ImoSighting(
        imo, mmsi, Ping.at(mmsi, in.readLong(), in.readDouble(), in.readDouble()));
  }
}
