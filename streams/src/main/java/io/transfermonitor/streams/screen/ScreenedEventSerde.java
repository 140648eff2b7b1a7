package io.transfermonitor.streams.screen;

import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.fact.FactSerde;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary form of a {@link ScreenedEvent} in the {@code screened-events} store and its changelog: a
 * version byte, the time seen, the designations already hit, then the fact in {@link FactSerde}'s
 * format. Private to the application.
 */
final class ScreenedEventSerde implements Serde<ScreenedEvent> {

  private static final byte VERSION = 1;
  private final FactSerde facts = new FactSerde();

  @Override
  public Serializer<ScreenedEvent> serializer() {
    return (topic, event) -> event == null ? null : write(topic, event);
  }

  @Override
  public Deserializer<ScreenedEvent> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(topic, bytes);
  }

  private byte[] write(String topic, ScreenedEvent event) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeLong(event.seenAt());
      out.writeInt(event.alerted().size());
      for (String id : event.alerted()) {
        out.writeUTF(id);
      }
      out.write(facts.serializer().serialize(topic, event.fact()));
    } catch (IOException e) {
      throw new SerializationException("cannot write a screened event for " + topic, e);
    }
    return bytes.toByteArray();
  }

  private ScreenedEvent read(String topic, byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new SerializationException(
            "screened event of " + topic + " has format version " + version + ", expected 1");
      }
      long seenAt = in.readLong();
      int count = in.readInt();
      Set<String> alerted = new LinkedHashSet<>();
      for (int i = 0; i < count; i++) {
        alerted.add(in.readUTF());
      }
      Fact fact = facts.deserializer().deserialize(topic, in.readAllBytes());
      return new ScreenedEvent(fact, seenAt, alerted);
    } catch (IOException e) {
      throw new SerializationException("cannot read a screened event of " + topic, e);
    }
  }
}
