package io.transfermonitor.streams.fact;

import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.SourceKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary serde for {@link Fact} on the internal repartition topics ({@code facts-by-event-id},
 * {@code facts-by-rule}). Every event crosses two of them, so this is on the hot path: a version
 * byte, then the fields in declaration order, strings as modified UTF-8 behind a presence flag,
 * enums by name (so reordering an enum cannot change a meaning). Private to the application: no
 * registry.
 */
public final class FactSerde implements Serde<Fact> {

  private static final byte VERSION = 1;

  @Override
  public Serializer<Fact> serializer() {
    return (topic, fact) -> fact == null ? null : write(topic, fact);
  }

  @Override
  public Deserializer<Fact> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(topic, bytes);
  }

  private static byte[] write(String topic, Fact f) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(160);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      string(out, f.eventId());
      string(out, name(f.kind()));
      string(out, name(f.sourceKind()));
      out.writeLong(f.eventTime());
      string(out, f.origin());
      string(out, f.destination());
      out.writeInt(f.references().size());
      for (String reference : f.references()) {
        string(out, reference);
      }
      out.writeDouble(f.amount());
      string(out, f.amountUnit());
      out.writeDouble(f.reportedAmount());
      string(out, f.reportedUnit());
      string(out, name(f.productClass()));
      string(out, f.product());
      string(out, name(f.cargoCategory()));
      out.writeBoolean(f.shipToShip());
      string(out, f.vesselFlag());
      string(out, f.counterpartVesselFlag());
      string(out, f.subject());
    } catch (IOException e) {
      throw new SerializationException("topic '" + topic + "': cannot write fact", e);
    }
    return bytes.toByteArray();
  }

  private static Fact read(String topic, byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new SerializationException(
            "topic '" + topic + "': fact written in format " + version + ", this reads " + VERSION);
      }
      String eventId = string(in);
      EventKind kind = value(EventKind.class, string(in));
      SourceKind sourceKind = value(SourceKind.class, string(in));
      long eventTime = in.readLong();
      String origin = string(in);
      String destination = string(in);
      int count = in.readInt();
      List<String> references = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        references.add(string(in));
      }
      return new Fact(
          eventId,
          kind,
          sourceKind,
          eventTime,
          origin,
          destination,
          references,
          in.readDouble(),
          string(in),
          in.readDouble(),
          string(in),
          value(ProductClass.class, string(in)),
          string(in),
          value(CargoCategory.class, string(in)),
          in.readBoolean(),
          string(in),
          string(in),
          string(in));
    } catch (IOException | IllegalArgumentException e) {
      throw new SerializationException("topic '" + topic + "': cannot read fact: " + e, e);
    }
  }

  private static void string(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  private static String string(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static <E extends Enum<E>> E value(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }
}
