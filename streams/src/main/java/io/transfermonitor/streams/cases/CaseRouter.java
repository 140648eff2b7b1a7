package io.transfermonitor.streams.cases;

import io.transfermonitor.model.Alert;
import io.transfermonitor.streams.fact.HeaderAllowList;
import io.transfermonitor.streams.match.RuleBook;
import io.transfermonitor.streams.match.RuleChanges;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Stage 7, cases, before the repartition: in, any alert (keyed by alert id); out, the same alert
 * carrying its case id and keyed by it ({@link CaseKey}, grouped as its rule in the global {@code
 * rules} store says), so every alert of a case reaches the task that holds the case.
 */
public final class CaseRouter implements Processor<String, Alert, String, Alert> {

  private final String rulesStore;
  private final RuleChanges changes;
  private ProcessorContext<String, Alert> context;
  private RuleBook rules;

  public CaseRouter(String rulesStore) {
    this(rulesStore, null);
  }

  /** A router reading the rules through a snapshot taken again when {@code changes} counts one. */
  public CaseRouter(String rulesStore, RuleChanges changes) {
    this.rulesStore = rulesStore;
    this.changes = changes;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.rules = new RuleBook(context.getStateStore(rulesStore), changes);
  }

  @Override
  public void process(Record<String, Alert> record) {
    Alert alert = record.value();
    String caseId = CaseKey.of(alert, rules.get(alert.getRuleId())).caseId();
    // the alert was made or read for this record alone: set in place rather than copied whole
    alert.setCaseId(caseId);
    // an alert read back from the alert topic brings that record's headers: only the monitor's own
    // go on to the case records
    context.forward(record.withKey(caseId).withHeaders(HeaderAllowList.keep(record.headers())));
  }
}
