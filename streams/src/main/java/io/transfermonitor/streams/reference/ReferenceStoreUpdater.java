package io.transfermonitor.streams.reference;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps a global store of reference data in step with its compacted topic (the priority list, the
 * makers table): a record replaces the one of its key, a tombstone removes it. Each change is
 * counted in {@link ReferenceChanges}, so the views built from the store are built again.
 */
public final class ReferenceStoreUpdater<V> implements Processor<String, V, Void, Void> {

  private final String storeName;
  private final ReferenceChanges changes;
  private KeyValueStore<String, V> store;

  public ReferenceStoreUpdater(String storeName, ReferenceChanges changes) {
    this.storeName = storeName;
    this.changes = changes;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, V> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
    } else {
      store.put(record.key(), record.value());
    }
    changes.changed();
  }
}
