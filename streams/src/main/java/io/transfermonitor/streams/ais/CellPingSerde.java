package io.transfermonitor.streams.ais;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A position on its way to a cell of the encounter search ({@link AisOutput.CellPing}), on the
 * monitor's own repartition topic: a version byte, then the fields in a fixed order, a presence
 * byte before each optional one ({@link AisWire}). About 50 bytes; no registry, nobody else reads
 * it. A {@link AisOutput.Tick} is a byte 4, the time, the source partition and whether it is idle.
 * A ping is form 5: form 3 and then when the vessel came back from being dark (a presence byte and
 * the time). Forms 1 (a ping without its source), 2 (a tick with the time only) and 3 (a ping
 * without the dark time) are what an earlier monitor wrote: read with {@link
 * AisOutput#UNKNOWN_SOURCE} and no dark time.
 */
public final class CellPingSerde implements Serde<AisOutput> {

  private static final byte PING_V1 = 1;
  private static final byte TICK_V1 = 2;
  private static final byte PING_V3 = 3;
  private static final byte TICK = 4;

  /** A ping with its source and when its vessel came back from being dark. */
  private static final byte VERSION = 5;

  @Override
  public Serializer<AisOutput> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      if (value instanceof AisOutput.Tick tick) {
        return AisWire.write(
            TICK,
            "a tick",
            out -> {
              out.writeLong(tick.time());
              out.writeInt(tick.source());
              out.writeBoolean(tick.idle());
            });
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
            out.writeInt(cellPing.source());
            out.writeBoolean(cellPing.backFromDark() != null);
            if (cellPing.backFromDark() != null) {
              out.writeLong(cellPing.backFromDark());
            }
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
                return new AisOutput.Tick(in.readLong(), in.readInt(), in.readBoolean());
              }
              if (form == TICK_V1) {
                return new AisOutput.Tick(in.readLong(), AisOutput.UNKNOWN_SOURCE, false);
              }
              if (form != VERSION && form != PING_V3 && form != PING_V1) {
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
              String imo = AisWire.readString(in);
              String name = AisWire.readString(in);
              Integer shipType = AisWire.readInt(in);
              int source = form == PING_V1 ? AisOutput.UNKNOWN_SOURCE : in.readInt();
              Long backFromDark = form == VERSION && in.readBoolean() ? in.readLong() : null;
              return new AisOutput.CellPing(ping, imo, name, shipType, source, backFromDark);
            });
  }
}
