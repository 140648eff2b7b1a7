package io.transfermonitor.streams.ais;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A position on its way to a cell of the encounter search ({@link AisOutput.CellPing}), on the
 * monitor's own repartition topic: a version byte, then the fields in a fixed order, a presence
 * byte before each optional one ({@link AisWire}). About 50 bytes; no registry, nobody else reads
 * it. A {@link AisOutput.Tick} is a byte 2 and the time.
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
        return AisWire.write(TICK, "a tick", out -> out.writeLong(tick.time()));
      }
      if (!(value instanceof AisOutput.CellPing cellPing)) {
        throw new SerializationException("only cell pings go to " + topic + ", not " + value);
      }
      Ping p = cellPing.ping();
      return AisWire.write(
          VERSION,
          "a cell ping",
          out -> {
            out.writeUTF(p.mmsi());
            out.writeLong(p.time());
            out.writeDouble(p.lat());
            out.writeDouble(p.lon());
            AisWire.writeDouble(out, p.speedKnots());
            AisWire.writeDouble(out, p.courseDegrees());
            AisWire.writeInt(out, p.headingDegrees());
            AisWire.writeString(out, cellPing.imo());
            AisWire.writeString(out, cellPing.name());
            AisWire.writeInt(out, cellPing.shipType());
          });
    };
  }

  @Override
  public Deserializer<AisOutput> deserializer() {
    return (topic, bytes) ->
        AisWire.read(
            bytes,
            "a cell ping from " + topic,
            (form, in) -> {
              if (form == TICK) {
                return new AisOutput.Tick(in.readLong());
              }
              if (form != VERSION) {
                throw AisWire.unknownForm("a cell ping on " + topic, form, VERSION);
              }
              Ping ping =
                  new Ping(
                      in.readUTF(),
                      in.readLong(),
                      in.readDouble(),
                      in.readDouble(),
                      AisWire.readDouble(in),
                      AisWire.readDouble(in),
                      AisWire.readInt(in));
              return new AisOutput.CellPing(
                  ping, AisWire.readString(in), AisWire.readString(in), AisWire.readInt(in));
            });
  }
}
