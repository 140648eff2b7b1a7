package io.transfermonitor.streams.ais;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What {@link ImoClones} keeps for one IMO number, in the store {@code imo-sightings}: the newest
 * sighting of each MMSI that sent it (at most {@link ImoClones#MAX_MMSIS}), and when each pair of
 * them was last reported, so a clone is reported once per window, not with every voyage message.
 */
public record ImoCloneState(List<ImoSighting> sightings, Map<String, Long> reported) {

  /** Nothing seen yet. */
  public static ImoCloneState empty() {
    return new ImoCloneState(new ArrayList<>(), new HashMap<>());
  }

  /** Its stored form: a version byte, the sightings, the pairs reported. No registry. */
  public static final class Form implements Serde<ImoCloneState> {

    private static final byte VERSION = 1;

    @Override
    public Serializer<ImoCloneState> serializer() {
      return (topic, state) -> {
        if (state == null) {
          return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
          out.writeByte(VERSION);
          out.writeShort(state.sightings().size());
          for (ImoSighting s : state.sightings()) {
            SightingSerde.write(out, s);
          }
          out.writeShort(state.reported().size());
          for (Map.Entry<String, Long> pair : state.reported().entrySet()) {
            out.writeUTF(pair.getKey());
            out.writeLong(pair.getValue());
          }
        } catch (IOException e) {
          throw new SerializationException("cannot write the sightings of an IMO number", e);
        }
        return bytes.toByteArray();
      };
    }

    @Override
    public Deserializer<ImoCloneState> deserializer() {
      return (topic, bytes) -> {
        if (bytes == null) {
          return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
          byte version = in.readByte();
          if (version != VERSION) {
            throw new SerializationException(
                "IMO sightings of version " + version + ", this monitor reads " + VERSION);
          }
          ImoCloneState state = empty();
          for (int i = in.readShort(); i > 0; i--) {
            state.sightings().add(SightingSerde.read(in));
          }
          for (int i = in.readShort(); i > 0; i--) {
            state.reported().put(in.readUTF(), in.readLong());
          }
          return state;
        } catch (IOException e) {
          throw new SerializationException("cannot read the sightings of an IMO number", e);
        }
      };
    }
  }
}
