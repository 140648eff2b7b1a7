package io.transfermonitor.streams.cases;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Rule;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage 7, cases, before the repartition: in, any alert (keyed by alert id); out, the same alert
 * carrying its case id and keyed by it ({@link CaseKey}, grouped as its rule in the global {@code
 * rules} store says), so every alert of a case reaches the task that holds the case.
 */
public final class CaseRouter implements Processor<String, Alert, String, Alert> {

  private final String rulesStore;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, Rule> rules;

  public CaseRouter(String rulesStore) {
    this.rulesStore = rulesStore;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.rules = context.getStateStore(rulesStore);
  }

  @Override
  public void process(Record<String, Alert> record) {
    Alert alert = record.value();
    String caseId = CaseKey.of(alert, rules.get(alert.getRuleId())).caseId();
    context.forward(
        record.withKey(caseId).withValue(Alert.newBuilder(alert).setCaseId(caseId).build()));
  }
}
