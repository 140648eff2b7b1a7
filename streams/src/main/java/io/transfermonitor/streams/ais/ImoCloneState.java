package io.transfermonitor.streams.ais;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** Its stored form: a version byte, the sightings, the pairs reported ({@link AisWire}). */
  public static final class Form implements Serde<ImoCloneState> {

    private static final byte VERSION = 1;

    @Override
    public Serializer<ImoCloneState> serializer() {
      return (topic, state) ->
          state == null
              ? null
              : AisWire.write(
                  VERSION,
                  "the sightings of an IMO number",
                  out -> {
                    out.writeShort(state.sightings().size());
                    for (ImoSighting s : state.sightings()) {
                      SightingSerde.write(out, s);
                    }
                    out.writeShort(state.reported().size());
                    for (Map.Entry<String, Long> pair : state.reported().entrySet()) {
                      out.writeUTF(pair.getKey());
                      out.writeLong(pair.getValue());
                    }
                  });
    }

    @Override
    public Deserializer<ImoCloneState> deserializer() {
      return (topic, bytes) ->
          AisWire.read(
              bytes,
              "the sightings of an IMO number",
              (form, in) -> {
                if (form != VERSION) {
                  throw AisWire.unknownForm("IMO sightings", form, VERSION);
                }
                ImoCloneState state = empty();
                for (int i = in.readShort(); i > 0; i--) {
                  state.sightings().add(SightingSerde.read(in));
                }
                for (int i = in.readShort(); i > 0; i--) {
                  state.reported().put(in.readUTF(), in.readLong());
                }
                return state;
              });
    }
  }
}
