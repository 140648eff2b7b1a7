package io.transfermonitor.streams.ais;

import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.streams.reference.ReferenceChanges;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global {@code vessels} store in step with the compacted register topic ({@code
 * tm.reference.vessels}, key {@code IMO:<number>} or {@code MMSI:<number>}): a record replaces the
 * one of its key, a tombstone removes it. Each change is counted in {@link ReferenceChanges}.
 */
public final class VesselRegisterUpdater implements Processor<String, VesselRecord, Void, Void> {

  private final String storeName;
  private final ReferenceChanges changes;
  private KeyValueStore<String, VesselRecord> vessels;

  public VesselRegisterUpdater(String storeName, ReferenceChanges changes) {
    this.storeName = storeName;
    this.changes = changes;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    vessels = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, VesselRecord> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      vessels.delete(record.key());
    } else {
      vessels.put(record.key(), record.value());
    }
    changes.changed();
  }
}
