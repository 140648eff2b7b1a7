package io.transfermonitor.streams.ais;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One entry of the encounter search's {@code encounter-held} store: a chunk of up to {@link
 * #CAPACITY} held cell pings in the order they were held, or the mark saying up to which position
 * time the held pings have been paired ({@link #released()}). {@link EncounterProcessor} keeps its
 * held pings in memory in time order and this store as their durable copy: a chunk is written again
 * as it fills (the store's cache sends it to the changelog once per commit, not once per ping), the
 * mark once per commit, and a chunk is deleted once every ping in it is paired. After a restore the
 * held pings are those of the chunks newer than the mark.
 *
 * <p>The chunk keeps its own serialized form and appends each ping to it, so writing a growing
 * chunk again costs a copy of its bytes, not a new serialization of every ping in it. Form: a byte
 * 10, then per ping its cell (UTF) and the ping as {@link CellPingSerde} writes it
 * (length-prefixed); a mark is a byte 11, the time, the number of track tasks and each one's
 * partition and time. An entry an earlier monitor wrote (one cell ping per key, its cell in the
 * key) reads as a chunk of that ping whose cell is null: the key tells it.
 */
public final class HeldChunk {

  /** Pings per chunk at most: about 4 KB. */
  static final int CAPACITY = 64;

  private static final byte CHUNK = 10;
  private static final byte MARK = 11;

  /** A held ping and the cell it is for. */
  record Held(String cell, AisOutput.CellPing cellPing) {}

  private static final Serializer<AisOutput> PINGS = new CellPingSerde().serializer();

  private final List<Held> pings = new ArrayList<>();
  private final boolean mark;
  private final long released;
  private final Map<Integer, Long> sources;
  private byte[] bytes;
  private int length;
  private long newest = Long.MIN_VALUE;

  private HeldChunk(boolean mark, long released, Map<Integer, Long> sources) {
    this.mark = mark;
    this.released = released;
    this.sources = Map.copyOf(sources);
    this.bytes = new byte[mark ? 13 + 12 * sources.size() : 256];
    if (mark) {
      bytes[length++] = MARK;
      writeLong(released);
      writeInt(this.sources.size());
      for (Map.Entry<Integer, Long> source : new TreeMap<>(this.sources).entrySet()) {
        writeInt(source.getKey());
        writeLong(source.getValue());
      }
    } else {
      bytes[length++] = CHUNK;
    }
  }

  /** An empty chunk. */
  static HeldChunk chunk() {
    return new HeldChunk(false, Long.MIN_VALUE, Map.of());
  }

  /**
   * The mark: every held ping of position time {@code released} or older has been paired; and how
   * far each track task had read ({@code sources}: partition to position time), so a restored
   * search waits for them as before.
   */
  static HeldChunk mark(long released, Map<Integer, Long> sources) {
    return new HeldChunk(true, released, sources);
  }

  boolean isMark() {
    return mark;
  }

  long released() {
    return released;
  }

  /** A mark's track tasks, by partition, and how far each had read. */
  Map<Integer, Long> sources() {
    return sources;
  }

  List<Held> pings() {
    return pings;
  }

  int size() {
    return pings.size();
  }

  boolean full() {
    return pings.size() >= CAPACITY;
  }

  /** The newest position time in the chunk. */
  long newest() {
    return newest;
  }

  /** Appends a ping for {@code cell}. */
  void add(String cell, AisOutput.CellPing cellPing) {
    if (isMark()) {
      throw new IllegalStateException("a mark holds no pings");
    }
    byte[] ping = PINGS.serialize(null, cellPing);
    byte[] cellName = cell.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ensure(2 + cellName.length + 4 + ping.length);
    bytes[length++] = (byte) (cellName.length >>> 8);
    bytes[length++] = (byte) cellName.length;
    System.arraycopy(cellName, 0, bytes, length, cellName.length);
    length += cellName.length;
    writeInt(ping.length);
    System.arraycopy(ping, 0, bytes, length, ping.length);
    length += ping.length;
    pings.add(new Held(cell, cellPing));
    newest = Math.max(newest, cellPing.ping().time());
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }

  private void writeInt(int v) {
    ensure(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      bytes[length++] = (byte) (v >>> shift);
    }
  }

  private void writeLong(long v) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      bytes[length++] = (byte) (v >>> shift);
    }
  }

  byte[] toBytes() {
    return Arrays.copyOf(bytes, length);
  }

  /** The store's serde: chunks and the mark, and the single cell pings an earlier monitor held. */
  public static final class Form implements Serde<HeldChunk> {

    private static final Deserializer<AisOutput> LEGACY = new CellPingSerde().deserializer();

    @Override
    public Serializer<HeldChunk> serializer() {
      return (topic, chunk) -> chunk == null ? null : chunk.toBytes();
    }

    @Override
    public Deserializer<HeldChunk> deserializer() {
      return (topic, data) -> {
        if (data == null) {
          return null;
        }
        if (data.length == 0) {
          throw new SerializationException("an empty held entry on " + topic);
        }
        if (data[0] != CHUNK && data[0] != MARK) {
          // an earlier monitor's entry: one cell ping, its cell in the key
          if (!(LEGACY.deserialize(topic, data) instanceof AisOutput.CellPing cellPing)) {
            throw new SerializationException("a held entry on " + topic + " is not a cell ping");
          }
          HeldChunk single = chunk();
          single.pings.add(new Held(null, cellPing));
          single.newest = cellPing.ping().time();
          single.bytes = data.clone(); // written back as it was read
          single.length = data.length;
          return single;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
          byte form = in.readByte();
          if (form == MARK) {
            long released = in.readLong();
            Map<Integer, Long> sources = new HashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
              sources.put(in.readInt(), in.readLong());
            }
            return mark(released, sources);
          }
          HeldChunk chunk = chunk();
          while (in.available() > 0) {
            String cell = in.readUTF();
            byte[] ping = new byte[in.readInt()];
            in.readFully(ping);
            if (!(LEGACY.deserialize(topic, ping) instanceof AisOutput.CellPing cellPing)) {
              throw new SerializationException("a held chunk on " + topic + " holds a tick");
            }
            chunk.add(cell, cellPing);
          }
          return chunk;
        } catch (IOException e) {
          throw new SerializationException("cannot read a held chunk from " + topic, e);
        }
      };
    }
  }
}
