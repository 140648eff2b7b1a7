package io.transfermonitor.streams.ais;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * The partitioner of the encounter search's repartition topic: a {@link AisOutput.Tick} goes to
 * every partition (each holds cells that wait for the track task that sent it); a cell ping to the
 * partition of its cell, as Kafka's default partitioner puts its key.
 */
public final class TickPartitioner implements StreamPartitioner<String, AisOutput> {

  @Override
  public Optional<Set<Integer>> partitions(
      String topic, String key, AisOutput value, int numPartitions) {
    if (value instanceof AisOutput.Tick) {
      return Optional.of(
          IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
    }
    return Optional.empty(); // the default: by the key's hash
  }
}
