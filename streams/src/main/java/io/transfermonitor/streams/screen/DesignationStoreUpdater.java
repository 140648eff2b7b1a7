package io.transfermonitor.streams.screen;

import io.transfermonitor.model.Designation;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global {@code designations} store in step with the compacted designations topic: in, a
 * designation keyed by reference number (replacing the one of that number) or a tombstone (the
 * designation is delisted and removed). Every instance holds every designation, so each task
 * screens each party against all of them. Each change is counted in {@link DesignationChanges}.
 */
public final class DesignationStoreUpdater implements Processor<String, Designation, Void, Void> {

  private final String storeName;
  private final DesignationChanges changes;
  private KeyValueStore<String, Designation> designations;

  public DesignationStoreUpdater(String storeName, DesignationChanges changes) {
    this.storeName = storeName;
    this.changes = changes;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    designations = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, Designation> record) {
    String id =
        record.key() != null
            ? record.key()
            : record.value() == null ? null : record.value().getDesignationId();
    if (id == null) {
      return;
    }
    if (record.value() == null) {
      designations.delete(id);
    } else {
      designations.put(id, record.value());
    }
    changes.changed();
  }
}
