package io.transfermonitor.streams.query;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Which monitor instance holds what, from Kafka Streams' own metadata: every instance advertises
 * its dashboard address as {@code application.server}, so the metadata of a store names the
 * instances to ask, and the metadata of a key names the one instance that holds it.
 */
public final class StoreHosts {

  private final KafkaStreams streams;
  private final HostInfo self;

  /**
   * @param streams the running monitor
   * @param self the address this instance advertises ({@code application.server})
   */
  public StoreHosts(KafkaStreams streams, HostInfo self) {
    this.streams = streams;
    this.self = self;
  }

  public HostInfo self() {
    return self;
  }

  public boolean isSelf(HostInfo host) {
    return self.equals(host);
  }

  /** This instance's own state, asking nobody: what a readiness probe should see. */
  public KafkaStreams.State state() {
    return streams.state();
  }

  /** The instances with active partitions of {@code store}, this one included if it has any. */
  public List<HostInfo> hostsOf(String store) {
    requireQueryable();
    return streams.streamsMetadataForStore(store).stream()
        .filter(m -> m.stateStoreNames().contains(store))
        .map(StreamsMetadata::hostInfo)
        .distinct()
        .toList();
  }

  /** Every instance of the application, with what it holds. */
  public List<StreamsMetadata> instances() {
    requireQueryable();
    return List.copyOf(streams.metadataForAllStreamsClients());
  }

  /**
   * The instance holding the partition of {@code store} that {@code partitionKey} is on; the key
   * must be the one the store's input topic is partitioned by (rule id for the ledgers).
   */
  public HostInfo ownerOf(String store, String partitionKey) {
    requireQueryable();
    KeyQueryMetadata meta =
        streams.queryMetadataForKey(store, partitionKey, Serdes.String().serializer());
    if (meta == null || meta == KeyQueryMetadata.NOT_AVAILABLE) {
      throw new NotReadyException(
          "no instance holds '" + partitionKey + "' of store " + store + " yet (rebalancing)");
    }
    return meta.activeHost();
  }

  private void requireQueryable() {
    KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
      throw new NotReadyException("the monitor is " + state + ", not running");
    }
  }
}
