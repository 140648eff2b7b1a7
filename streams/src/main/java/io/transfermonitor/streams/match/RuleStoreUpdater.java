package io.transfermonitor.streams.match;

import io.transfermonitor.model.Rule;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global {@code rules} store in step with the compacted rules topic: a rule record
 * replaces the rule of its id, a tombstone removes it. Every instance holds every rule, so events
 * can be matched on whatever partition they arrive.
 *
 * <p>A rule switched off, by a tombstone or by {@code enabled: false}, stops counting from the next
 * event, so it is never switched off unseen: it is logged at WARN, naming the rule, and counted in
 * {@code tm.rules.switched.off{rule,how}}. Its ledgers, cap usage and cases stay as they were
 * (frozen, still readable); the events that arrive meanwhile stay in the {@code events} store and
 * on the input topics, for {@code rules recount} once the rule is back (docs/rules.md, "Counting
 * the events of the meantime").
 */
public final class RuleStoreUpdater implements Processor<String, Rule, Void, Void> {

  private static final Logger LOG = LoggerFactory.getLogger(RuleStoreUpdater.class);

  private final String storeName;
  private final RuleChanges changes;
  private final MonitorMetrics metrics;
  private KeyValueStore<String, Rule> rules;

  public RuleStoreUpdater(String storeName) {
    this(storeName, new RuleChanges(), MonitorMetrics.inMemory());
  }

  /**
   * An updater that counts every change it makes in {@code changes} and every rule switched off in
   * {@code metrics}.
   */
  public RuleStoreUpdater(String storeName, RuleChanges changes, MonitorMetrics metrics) {
    this.storeName = storeName;
    this.changes = changes;
    this.metrics = metrics;
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
    Rule before = rules.get(id);
    if (record.value() == null) {
      rules.delete(id);
    } else {
      rules.put(id, record.value());
    }
    changes.changed();
    tell(id, before, record.value());
  }

  private void tell(String id, Rule before, Rule after) {
    boolean wasOn = before != null && before.getEnabled();
    if (after == null) {
      if (before == null) {
        LOG.info("rule {} removed (tombstone), but no such rule was held: nothing changes", id);
        return;
      }
      LOG.warn(
          "rule {} removed (tombstone on the rules topic): events from now on are not counted"
              + " against it; its ledgers and cases stay as they are, frozen. Publish it again"
              + " to count new events, then 'rules recount' to count the events of the meantime"
              + " (docs/rules.md, \"Counting the events of the meantime\")",
          id);
      metrics.ruleSwitchedOff(id, MonitorMetrics.RULE_REMOVED);
    } else if (wasOn && !after.getEnabled()) {
      LOG.warn(
          "rule {} disabled (enabled: false): events from now on are not counted against it;"
              + " its ledgers and cases stay as they are, frozen",
          id);
      metrics.ruleSwitchedOff(id, MonitorMetrics.RULE_DISABLED);
    } else if (before == null) {
      LOG.info("rule {} added{}", id, after.getEnabled() ? "" : " (disabled)");
    } else if (!wasOn && after.getEnabled()) {
      LOG.info("rule {} enabled", id);
    }
  }
}
