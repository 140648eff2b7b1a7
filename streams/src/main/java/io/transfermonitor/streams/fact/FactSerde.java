package io.transfermonitor.streams.fact;

import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import io.transfermonitor.model.Party;
import io.transfermonitor.model.PartyRole;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TransportMode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary serde for {@link Fact} on the internal repartition topics ({@code facts-by-event-id},
 * {@code facts-by-rule}). Every event crosses two of them, so this is on the hot path: a version
 * byte, then the fields in declaration order, strings as UTF-8 behind a length (-1 for null, so a
 * string of any length that the broker accepts fits), enums by name (so reordering an enum cannot
 * change a meaning). Private to the application: no registry. Facts written by the earlier formats
 * (version 1: modified UTF-8 strings, no vessel, route or party fields; version 2: no source name
 * or corroboration) are still read, so an upgrade with facts in flight loses none.
 */
public final class FactSerde implements Serde<Fact> {

  private static final byte VERSION = 3;
  private static final byte VERSION_2 = 2;
  private static final byte VERSION_1 = 1;

  @Override
  public Serializer<Fact> serializer() {
    return (topic, fact) -> fact == null ? null : write(topic, fact);
  }

  @Override
  public Deserializer<Fact> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(topic, bytes);
  }

  private static byte[] write(String topic, Fact f) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(192);
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
      string(out, f.vesselImo());
      string(out, f.counterpartVesselImo());
      string(out, f.dischargePort());
      string(out, name(f.transportMode()));
      string(out, f.routeStart());
      string(out, f.routeEnd());
      out.writeInt(f.parties().size());
      for (Party party : f.parties()) {
        party(out, party);
      }
      string(out, f.sourceName());
      corroboration(out, f.corroboration());
    } catch (IOException e) {
      throw new SerializationException("topic '" + topic + "': cannot write fact", e);
    }
    return bytes.toByteArray();
  }

  private static Fact read(String topic, byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION && version != VERSION_2 && version != VERSION_1) {
        throw new SerializationException(
            "topic '" + topic + "': fact written in format " + version + ", this reads " + VERSION);
      }
      Strings strings = version == VERSION_1 ? FactSerde::stringVersion1 : FactSerde::string;
      Fact.Builder fact =
          new Fact.Builder()
              .eventId(strings.read(in))
              .kind(value(EventKind.class, strings.read(in)))
              .sourceKind(value(SourceKind.class, strings.read(in)))
              .eventTime(in.readLong())
              .origin(strings.read(in))
              .destination(strings.read(in));
      int references = in.readInt();
      List<String> refs = new ArrayList<>(references);
      for (int i = 0; i < references; i++) {
        refs.add(strings.read(in));
      }
      fact.references(refs)
          .amount(in.readDouble(), strings.read(in))
          .reportedAmount(in.readDouble(), strings.read(in))
          .productClass(value(ProductClass.class, strings.read(in)))
          .product(strings.read(in))
          .cargoCategory(value(CargoCategory.class, strings.read(in)))
          .shipToShip(in.readBoolean())
          .vesselFlag(strings.read(in))
          .counterpartVesselFlag(strings.read(in))
          .subject(strings.read(in));
      if (version == VERSION_1) {
        return fact.build();
      }
      fact.vesselImo(string(in))
          .counterpartVesselImo(string(in))
          .dischargePort(string(in))
          .transportMode(value(TransportMode.class, string(in)))
          .routeStart(string(in))
          .routeEnd(string(in));
      int parties = in.readInt();
      for (int i = 0; i < parties; i++) {
        fact.party(party(in));
      }
      if (version == VERSION_2) {
        return fact.build();
      }
      return fact.sourceName(string(in)).corroboration(corroboration(in)).build();
    } catch (IOException | IllegalArgumentException | NegativeArraySizeException e) {
      throw new SerializationException("topic '" + topic + "': cannot read fact: " + e, e);
    }
  }

  private static void party(DataOutputStream out, Party party) throws IOException {
    string(out, name(party.getRole()));
    string(out, party.getName());
    string(out, party.getCountry());
    out.writeInt(party.getIdentifiers().size());
    for (Identifier id : party.getIdentifiers()) {
      string(out, name(id.getScheme()));
      string(out, id.getValue());
    }
  }

  private static Party party(DataInputStream in) throws IOException {
    PartyRole role = value(PartyRole.class, string(in));
    String name = string(in);
    String country = string(in);
    int count = in.readInt();
    List<Identifier> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(new Identifier(value(IdentifierScheme.class, string(in)), string(in)));
    }
    return new Party(role, name, ids, country);
  }

  private static void corroboration(DataOutputStream out, Corroboration c) throws IOException {
    out.writeBoolean(c != null);
    if (c == null) {
      return;
    }
    string(out, c.deliveryId());
    out.writeLong(c.deliveryTime());
    out.writeDouble(c.countedBefore());
    out.writeDouble(c.counted());
    out.writeInt(c.observationsBefore());
    strings(out, c.eventIds());
    out.writeInt(c.sourcesBefore());
    strings(out, c.sources());
  }

  private static Corroboration corroboration(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    return new Corroboration(
        string(in),
        in.readLong(),
        in.readDouble(),
        in.readDouble(),
        in.readInt(),
        strings(in),
        in.readInt(),
        strings(in));
  }

  private static void strings(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String value : values) {
      string(out, value);
    }
  }

  private static List<String> strings(DataInputStream in) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > in.available()) {
      throw new IOException("list of " + count + " strings, " + in.available() + " bytes left");
    }
    List<String> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(string(in));
    }
    return values;
  }

  private static void string(DataOutputStream out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String string(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    if (length > in.available()) {
      throw new IOException("string of " + length + " bytes, " + in.available() + " left");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static String stringVersion1(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  /** Reads one string in the format of a fact's version. */
  private interface Strings {
    String read(DataInputStream in) throws IOException;
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static <E extends Enum<E>> E value(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }
}
