package io.transfermonitor.streams.query;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The monitor's state as one whole, whichever instance is asked: a view of every key is gathered
 * from each instance holding part of the store (this one read locally, the others over {@link
 * Peers}); a view of one partition key is read from the one instance that owns it, found through
 * the streams metadata ({@link StoreHosts}).
 */
public final class ClusterState {

  private final StoreHosts hosts;
  private final LocalStores local;
  private final Peers peers;

  public ClusterState(StoreHosts hosts, LocalStores local, Peers peers) {
    this.hosts = hosts;
    this.local = local;
    this.peers = peers;
  }

  public StoreHosts hosts() {
    return hosts;
  }

  /** Every row of {@code view}, from every instance that holds part of it. */
  public <V, R> List<R> all(StoreView<V, R> view) {
    List<R> rows = new ArrayList<>();
    for (HostInfo host : hosts.hostsOf(view.store())) {
      rows.addAll(
          hosts.isSelf(host)
              ? local(view, null)
              : peers.rows(host, view.name(), null, view.rowType()));
    }
    return rows;
  }

  /**
   * The rows of {@code view} under {@code key} on every instance: for a store whose keys start with
   * {@code key} although its input is partitioned otherwise (the alerts, by case).
   */
  public <V, R> List<R> allUnder(StoreView<V, R> view, String key) {
    List<R> rows = new ArrayList<>();
    for (HostInfo host : hosts.hostsOf(view.store())) {
      rows.addAll(
          hosts.isSelf(host)
              ? local(view, key)
              : peers.rows(host, view.name(), key, view.rowType()));
    }
    return rows;
  }

  /** The rows of {@code view} under {@code partitionKey}, from the instance that owns it. */
  public <V, R> List<R> byKey(StoreView<V, R> view, String partitionKey) {
    HostInfo owner = hosts.ownerOf(view.store(), partitionKey);
    return hosts.isSelf(owner)
        ? local(view, partitionKey)
        : peers.rows(owner, view.name(), partitionKey, view.rowType());
  }

  /** The rows this instance holds, all of them or those under {@code partitionKey}. */
  public <V, R> List<R> local(StoreView<V, R> view, String partitionKey) {
    return partitionKey == null
        ? local.all(view.store(), view.row())
        : local.withPrefix(view.store(), view.prefixOf(partitionKey), view.row());
  }

  /** Every value of a global store (the same on every instance), as rows. */
  public <V, R> List<R> global(StoreView<V, R> view) {
    return local.all(view.store(), view.row());
  }
}
