package io.transfermonitor.streams.match;

import io.transfermonitor.model.Rule;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Decodes the values of the global {@code rules} store once per distinct payload. Every event scans
 * all rules (bans and ledger routing), and Kafka Streams decodes each stored value on every read;
 * rules change rarely, so the decoded {@link Rule} is kept by its exact bytes. A changed rule has
 * different bytes and is decoded afresh, so live updates apply as before. Bounded: the least
 * recently used payloads are dropped past {@value #CAPACITY}.
 */
public final class RuleDecoder implements Deserializer<Rule> {

  static final int CAPACITY = 1024;

  private final Deserializer<Rule> avro;
  private final Map<ByteBuffer, Rule> decoded =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Rule> eldest) {
          return size() > CAPACITY;
        }
      };

  RuleDecoder(Deserializer<Rule> avro) {
    this.avro = avro;
  }

  /** The value serde of the rules store: {@code avro} in, memoized decoding out. */
  public static Serde<Rule> storeSerde(Serde<Rule> avro) {
    return Serdes.serdeFrom(avro.serializer(), new RuleDecoder(avro.deserializer()));
  }

  @Override
  public synchronized Rule deserialize(String topic, byte[] payload) {
    if (payload == null) {
      return null;
    }
    ByteBuffer key = ByteBuffer.wrap(payload);
    Rule rule = decoded.get(key);
    if (rule == null) {
      rule = avro.deserialize(topic, payload);
      decoded.put(ByteBuffer.wrap(payload.clone()), rule);
    }
    return rule;
  }
}
