package io.transfermonitor.streams.local;

import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleRecount;
import io.transfermonitor.streams.ledger.LedgerRouting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Which rules one task counts its events for, and since and until when: the task's {@link
 * CountedSpans}, per rule, held in memory and written to the {@code counted-spans} store when they
 * change (a rule going live or stopping as the task sees it, a recovery, a recount), in the
 * transaction of the partial sums they describe. Nothing here is written per event. The
 * observations a task corroborates, as their vessel's task, have spans of their own, over the
 * reading of their one input, in the {@code delivery-counted-spans} store ({@link DeliveryTotals}).
 */
final class CountedRules {

  private final KeyValueStore<String, CountedSpans> store;
  private final Map<String, CountedSpans> byRule = new HashMap<>();
  private final Set<String> dirty = new LinkedHashSet<>();
  private Set<String> live = Set.of();

  CountedRules(KeyValueStore<String, CountedSpans> store) {
    this.store = store;
    try (KeyValueIterator<String, CountedSpans> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, CountedSpans> entry = all.next();
        byRule.put(entry.key, entry.value);
      }
    }
  }

  /** The rules of {@code rules} that count events in ledgers: enabled, keeping totals. */
  static Set<String> counting(List<Rule> rules) {
    Set<String> ids = new TreeSet<>();
    for (Rule rule : rules) {
      if (rule.getEnabled() && LedgerRouting.keepsTotal(rule)) {
        ids.add(rule.getRuleId());
      }
    }
    return ids;
  }

  /**
   * When the task starts: the events read after {@code sent} (the position of its last send) are
   * about to be counted again with the rules of now ({@code liveNow}), so every span ends there and
   * the live rules count from there. On a task's first start with no spans at all, every event read
   * up to {@code sent} counts as counted by every rule: which rules counted them is unknown, and a
   * recount must never count an event twice.
   */
  void start(Set<String> liveNow, Map<Integer, Long> sent) {
    if (!byRule.containsKey(CountedSpans.EVERY_RULE)) {
      put(
          CountedSpans.EVERY_RULE,
          new CountedSpans(List.of(new CountedSpans.Span(Map.of(), sent, null)), List.of()));
    }
    for (String rule : Set.copyOf(byRule.keySet())) {
      if (!rule.equals(CountedSpans.EVERY_RULE)) {
        put(rule, byRule.get(rule).endedBy(sent));
      }
    }
    for (String rule : liveNow) {
      put(rule, of(rule).opened(sent));
    }
    live = Set.copyOf(liveNow);
  }

  /**
   * The rules live now are {@code liveNow}: the ones that went live count the events read after
   * {@code position}; the ones that stopped counted the events up to {@code sent}, the position of
   * the last send (the caller drops their sums not sent). The rules that stopped, returned.
   */
  Set<String> changed(Set<String> liveNow, Map<Integer, Long> position, Map<Integer, Long> sent) {
    Set<String> stopped = new TreeSet<>(live);
    stopped.removeAll(liveNow);
    for (String rule : liveNow) {
      if (!live.contains(rule)) {
        put(rule, of(rule).opened(position));
      }
    }
    for (String rule : stopped) {
      put(rule, of(rule).endedBy(sent));
    }
    live = Set.copyOf(liveNow);
    return stopped;
  }

  boolean live(String ruleId) {
    return live.contains(ruleId);
  }

  /** Whether {@code ruleId} counted the event read at {@code offset} of {@code slot}. */
  boolean counted(String ruleId, int slot, long offset, long firstSeen) {
    CountedSpans every = byRule.get(CountedSpans.EVERY_RULE);
    return (every != null && every.covers(slot, offset, firstSeen))
        || of(ruleId).covers(slot, offset, firstSeen);
  }

  boolean hasDone(String ruleId, String requestId) {
    return of(ruleId).hasDone(requestId);
  }

  /** The requests of the global store {@code requests} not carried out here yet (no reports). */
  List<RuleRecount> due(KeyValueStore<String, RuleRecount> requests) {
    List<RuleRecount> due = new ArrayList<>();
    try (KeyValueIterator<String, RuleRecount> all = requests.all()) {
      while (all.hasNext()) {
        RuleRecount request = all.next().value;
        if (request != null
            && request.getTask() == null
            && !hasDone(request.getRuleId(), request.getRequestId())) {
          due.add(request);
        }
      }
    }
    return due;
  }

  /** {@code requestId} carried out: its events, up to {@code position}, now counted. */
  void recounted(String ruleId, String requestId, Map<Integer, Long> position, Long since) {
    put(ruleId, of(ruleId).recounted(requestId, position, since));
  }

  /** Writes what changed since the last time. */
  void flush() {
    if (dirty.isEmpty()) {
      return;
    }
    for (String rule : dirty) {
      store.put(rule, byRule.get(rule));
    }
    dirty.clear();
  }

  private CountedSpans of(String ruleId) {
    return byRule.getOrDefault(ruleId, CountedSpans.none());
  }

  private void put(String ruleId, CountedSpans spans) {
    if (!spans.equals(byRule.get(ruleId))) {
      byRule.put(ruleId, spans);
      dirty.add(ruleId);
    }
  }
}
