package io.transfermonitor.streams.local;

import io.transfermonitor.model.RuleRecount;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global {@code rule-recounts} store in step with the compacted recounts topic: the
 * requests of {@code rules recount} (key = request id) and the tasks' reports of what they counted
 * (key = request id@task), which {@link LocalTotals} skips. A record without a key or a rule is
 * skipped and logged.
 */
public final class RecountRequests implements Processor<String, RuleRecount, Void, Void> {

  private static final Logger LOG = LoggerFactory.getLogger(RecountRequests.class);

  private final String storeName;
  private KeyValueStore<String, RuleRecount> requests;

  public RecountRequests(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    requests = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, RuleRecount> record) {
    if (record.key() == null) {
      LOG.warn("recount record without a key skipped");
      return;
    }
    if (record.value() == null) {
      requests.delete(record.key());
      return;
    }
    if (record.value().getTask() == null) {
      LOG.info(
          "recount {} of rule {} requested{}",
          record.value().getRequestId(),
          record.value().getRuleId(),
          record.value().getSince() == null ? "" : ", since " + record.value().getSince());
    }
    requests.put(record.key(), record.value());
  }
}
