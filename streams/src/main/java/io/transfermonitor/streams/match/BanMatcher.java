package io.transfermonitor.streams.match;

import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.streams.fact.Fact;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Stage 4, match rules (bans), per event: in, a new (de-duplicated) fact keyed by event id; out,
 * one {@link BanMatch} with the same key for every enabled BAN rule of the global {@code rules}
 * store that the fact matches.
 */
public final class BanMatcher implements Processor<String, Fact, String, BanMatch> {

  private final String rulesStore;
  private final RuleChanges changes;
  private ProcessorContext<String, BanMatch> context;
  private RuleBook rules;

  public BanMatcher(String rulesStore) {
    this(rulesStore, null);
  }

  /** A stage reading the rules through a snapshot taken again when {@code changes} counts one. */
  public BanMatcher(String rulesStore, RuleChanges changes) {
    this.rulesStore = rulesStore;
    this.changes = changes;
  }

  @Override
  public void init(ProcessorContext<String, BanMatch> context) {
    this.context = context;
    this.rules = new RuleBook(context.getStateStore(rulesStore), changes);
  }

  @Override
  public void process(Record<String, Fact> record) {
    for (Rule rule : rules.matching(r -> r.getKind() == RuleKind.BAN, record.value())) {
      context.forward(
          record.withValue(new BanMatch(rule, record.value(), context.currentSystemTimeMs())));
    }
  }
}
