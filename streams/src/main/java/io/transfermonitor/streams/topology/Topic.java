package io.transfermonitor.streams.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * A topic the topology reads or writes, with the serdes of its keys and values: built once per
 * topic, so every node on it uses the same serdes and none falls back to a default.
 *
 * @param name the topic's full name
 * @param keySerde serde of its keys
 * @param valueSerde serde of its values
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

  /** How a source node named {@code processorName} reads it. */
  public Consumed<K, V> consumed(String processorName) {
    return Consumed.with(keySerde, valueSerde).withName(processorName);
  }

  /**
   * How a source node named {@code processorName} reads it as the bytes written, for a first
   * processor that decodes them itself (and can reject what it cannot decode in the same step).
   */
  public Consumed<byte[], byte[]> consumedAsBytes(String processorName) {
    return Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(processorName);
  }

  /** How a sink node named {@code processorName} writes it. */
  public Produced<K, V> produced(String processorName) {
    return Produced.with(keySerde, valueSerde).withName(processorName);
  }

  /**
   * A serde for this topic's values on the application's own topics (repartition topics, store
   * changelogs): it writes and reads them as if on this topic, so with Avro they share this topic's
   * subject and add none of their own to the registry.
   */
  public Serde<V> valueSerdeAsOnThisTopic() {
    Serializer<V> serializer = valueSerde.serializer();
    Deserializer<V> deserializer = valueSerde.deserializer();
    return Serdes.serdeFrom(
        (topic, value) -> serializer.serialize(name, value),
        (topic, bytes) -> deserializer.deserialize(name, bytes));
  }

  /** How a sink node named {@code processorName} writes it, choosing partitions itself. */
  public Produced<K, V> produced(String processorName, StreamPartitioner<K, V> partitioner) {
    return produced(processorName).withStreamPartitioner(partitioner);
  }
}
