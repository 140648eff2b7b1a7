package io.transfermonitor.streams.rules;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.streams.AlertComposer;
import io.transfermonitor.streams.Fact;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage 6, per event: in, a new (de-duplicated) fact; out, one {@link Alert} keyed by alert id
 * ({@code ruleId/eventId}) for every enabled BAN rule of the global {@code rules} store that the
 * fact matches.
 */
public final class BanAlertProcessor implements Processor<String, Fact, String, Alert> {

  private final String rulesStore;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, Rule> rules;

  public BanAlertProcessor(String rulesStore) {
    this.rulesStore = rulesStore;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.rules = context.getStateStore(rulesStore);
  }

  @Override
  public void process(Record<String, Fact> record) {
    for (Rule rule :
        RuleMatcher.matching(rules, r -> r.getKind() == RuleKind.BAN, record.value())) {
      Alert alert = AlertComposer.banned(rule, record.value(), context.currentSystemTimeMs());
      context.forward(record.withKey(alert.getAlertId()).withValue(alert));
    }
  }
}
