package io.transfermonitor.streams.match;

import io.transfermonitor.model.Rule;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global {@code rules} store in step with the compacted rules topic: a rule record
 * replaces the rule of its id, a tombstone removes it. Every instance holds every rule, so events
 * can be matched on whatever partition they arrive.
 */
public final class RuleStoreUpdater implements Processor<String, Rule, Void, Void> {

  private final String storeName;
  private final RuleChanges changes;
  private KeyValueStore<String, Rule> rules;

  public RuleStoreUpdater(String storeName) {
    this(storeName, new RuleChanges());
  }

  /** An updater that counts every change it makes in {@code changes}. */
  public RuleStoreUpdater(String storeName, RuleChanges changes) {
    this.storeName = storeName;
    this.changes = changes;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    rules = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, Rule> record) {
    String id =
        record.key() != null
            ? record.key()
            : record.value() == null ? null : record.value().getRuleId();
    if (id == null) {
      return;
    }
    if (record.value() == null) {
      rules.delete(id);
    } else {
      rules.put(id, record.value());
    }
    changes.changed();
  }
}
