package io.transfermonitor.streams.match;

import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.streams.screen.ScreeningHit;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Stage 4, match rules (screening): in, a {@link ScreeningHit} keyed by event id; out, one {@link
 * ScreenMatch} with the same key for every enabled SCREEN rule of the global {@code rules} store
 * whose scope matches the event and whose {@code designationLists} name the designation's list or
 * one of its programs (an empty list names every list). A hit no rule covers (an Al-Qaida
 * designation under the 1718 rule) raises nothing.
 */
public final class ScreenRuleMatcher
    implements Processor<String, ScreeningHit, String, ScreenMatch> {

  private final String rulesStore;
  private final RuleChanges changes;
  private ProcessorContext<String, ScreenMatch> context;
  private RuleBook rules;

  public ScreenRuleMatcher(String rulesStore) {
    this(rulesStore, null);
  }

  /** A stage reading the rules through a snapshot taken again when {@code changes} counts one. */
  public ScreenRuleMatcher(String rulesStore, RuleChanges changes) {
    this.rulesStore = rulesStore;
    this.changes = changes;
  }

  @Override
  public void init(ProcessorContext<String, ScreenMatch> context) {
    this.context = context;
    this.rules = new RuleBook(context.getStateStore(rulesStore), changes);
  }

  @Override
  public void process(Record<String, ScreeningHit> record) {
    ScreeningHit hit = record.value();
    String list = hit.match().designation().getRegime();
    for (Rule rule : rules.matching(r -> r.getKind() == RuleKind.SCREEN, hit.fact())) {
      List<String> lists = rule.getDesignationLists();
      if (lists.isEmpty() || covers(lists, list)) {
        context.forward(record.withValue(new ScreenMatch(rule, hit)));
      }
    }
  }

  /**
   * True when the rule names the designation's regime, or one of its programs: an SDN or
   * OpenSanctions designation under several programs has them {@code ; }-joined ({@code DPRK3;
   * NPWMD}), and a rule naming {@code NPWMD} covers it.
   */
  private static boolean covers(List<String> lists, String regime) {
    if (lists.contains(regime)) {
      return true;
    }
    for (String program : regime.split("; ")) {
      if (lists.contains(program)) {
        return true;
      }
    }
    return false;
  }
}
