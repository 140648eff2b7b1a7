package io.transfermonitor.streams.ais;

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
 * position's time and place ({@link AisWire}). No registry; nobody else reads it.
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
      return AisWire.write(VERSION, "an IMO sighting", out -> write(out, sighting.sighting()));
    };
  }

  @Override
  public Deserializer<AisOutput> deserializer() {
    return (topic, bytes) ->
        AisWire.read(
            bytes,
            "an IMO sighting from " + topic,
            (form, in) -> {
              if (form != VERSION) {
                throw AisWire.unknownForm("an IMO sighting on " + topic, form, VERSION);
              }
              return new AisOutput.Sighting(read(in));
            });
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
