package io.transfermonitor.streams.corroborate;

import io.transfermonitor.streams.fact.Fact;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.utils.Utils;

/**
 * Observations of vessels that one task sends at once to the tasks that corroborate them, on the
 * {@code observations-by-vessel} repartition topic: keyed by a bucket of their IMO numbers, and put
 * on the partition {@code bucket % partitions}, so every observation of a vessel meets the others
 * in one task however it is batched, in one record per bucket and send instead of one per event.
 *
 * @param bucket the bucket of every IMO number in it ({@link #bucketOf})
 * @param facts the observations, in the order they were read
 */
public record ObservationBatch(int bucket, List<Fact> facts) {

  /** How many buckets IMO numbers fall into: at most this many records per task and send. */
  public static final int BUCKETS = 16;

  public ObservationBatch {
    facts = List.copyOf(facts);
  }

  /** The bucket of {@code imo}. */
  public static int bucketOf(String imo) {
    return Utils.toPositive(Utils.murmur2(imo.getBytes(StandardCharsets.UTF_8))) % BUCKETS;
  }

  /** The batch's key on the repartition topic. */
  public String key() {
    return Integer.toString(bucket);
  }
}
