package io.transfermonitor.streams.match;

import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.streams.fact.Fact;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Stage 4, match rules (for the ledgers): in, a new fact keyed by event id; out, the same fact
 * keyed by rule id, once for every enabled rule that keeps a total of it: CAP rules, and BAN rules
 * with cumulative levels. The output is repartitioned by rule id so each rule's ledgers live on one
 * partition.
 */
public final class LedgerRouter implements Processor<String, Fact, String, Fact> {

  private final String rulesStore;
  private final RuleChanges changes;
  private ProcessorContext<String, Fact> context;
  private RuleBook rules;

  public LedgerRouter(String rulesStore) {
    this(rulesStore, null);
  }

  /** A stage reading the rules through a snapshot taken again when {@code changes} counts one. */
  public LedgerRouter(String rulesStore, RuleChanges changes) {
    this.rulesStore = rulesStore;
    this.changes = changes;
  }

  @Override
  public void init(ProcessorContext<String, Fact> context) {
    this.context = context;
    this.rules = new RuleBook(context.getStateStore(rulesStore), changes);
  }

  @Override
  public void process(Record<String, Fact> record) {
    for (Rule rule : rules.matching(LedgerRouter::keepsTotal, record.value())) {
      context.forward(record.withKey(rule.getRuleId()));
    }
  }

  private static boolean keepsTotal(Rule rule) {
    return rule.getKind() == RuleKind.CAP
        || (rule.getKind() == RuleKind.BAN && !rule.getLevels().isEmpty());
  }
}
