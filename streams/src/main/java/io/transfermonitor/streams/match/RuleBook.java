package io.transfermonitor.streams.match;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.Rule;
import io.transfermonitor.streams.fact.Fact;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The rules of the global {@code rules} store as one task sees them: a decoded snapshot, taken
 * again whenever {@link RuleChanges} has counted a change since, so a new, changed or removed rule
 * applies from the very next event while an event costs no store scan. Without a {@link
 * RuleChanges} (a stage driven on its own in a unit test) every call reads the store afresh.
 */
public final class RuleBook {

  private final KeyValueStore<String, Rule> store;
  private final RuleChanges changes;
  private final boolean pinned;
  private List<Rule> all = List.of();
  private Map<String, Rule> byId = Map.of();
  private Map<EventKind, List<Rule>> byKind = Map.of();
  private long takenAt = -1;

  public RuleBook(KeyValueStore<String, Rule> store, RuleChanges changes) {
    this(store, changes, false);
  }

  private RuleBook(KeyValueStore<String, Rule> store, RuleChanges changes, boolean pinned) {
    this.store = store;
    this.changes = changes;
    this.pinned = pinned;
  }

  /**
   * A book whose snapshot changes only when {@link #update()} is called: for a stage that must know
   * exactly which rules each event was matched by (the global store changes on another thread).
   */
  public static RuleBook pinned(KeyValueStore<String, Rule> store, RuleChanges changes) {
    RuleBook book = new RuleBook(store, changes, true);
    book.take();
    return book;
  }

  /**
   * A pinned book takes its snapshot again if the store has changed since; whether it did (always,
   * without a {@link RuleChanges}).
   */
  public boolean update() {
    long count = changes == null ? -1 : changes.count();
    if (changes != null && count == takenAt) {
      return false;
    }
    take();
    return true;
  }

  /** Every rule, in store order (by rule id). */
  public List<Rule> all() {
    refresh();
    return all;
  }

  /** The rule {@code ruleId}, or null when there is none. */
  public Rule get(String ruleId) {
    refresh();
    return byId.get(ruleId);
  }

  /**
   * The rules that pass {@code kind} and match {@code fact} ({@link RuleMatcher}), in order. Only
   * the rules whose scope can take the fact's kind are tried (those naming it, and those naming no
   * kind), so a rule about one kind of event costs the events of the others nothing.
   */
  public List<Rule> matching(Predicate<Rule> kind, Fact fact) {
    refresh();
    List<Rule> found = new ArrayList<>(2);
    for (Rule rule : byKind.getOrDefault(fact.kind(), List.of())) {
      if (kind.test(rule) && RuleMatcher.matches(rule, fact)) {
        found.add(rule);
      }
    }
    return found;
  }

  /** Each kind's rules, in store order: those whose scope names it or names no kind. */
  private static Map<EventKind, List<Rule>> byKind(List<Rule> rules) {
    Map<EventKind, List<Rule>> index = new EnumMap<>(EventKind.class);
    for (EventKind kind : EventKind.values()) {
      List<Rule> of = new ArrayList<>();
      for (Rule rule : rules) {
        List<EventKind> kinds = rule.getScope().getEventKinds();
        if (kinds.isEmpty() || kinds.contains(kind)) {
          of.add(rule);
        }
      }
      index.put(kind, List.copyOf(of));
    }
    return index;
  }

  private void refresh() {
    if (!pinned) {
      update();
    }
  }

  private void take() {
    long count = changes == null ? -1 : changes.count();
    Map<String, Rule> rules = new LinkedHashMap<>();
    try (KeyValueIterator<String, Rule> it = store.all()) {
      it.forEachRemaining(entry -> rules.put(entry.key, entry.value));
    }
    byId = rules;
    all = List.copyOf(rules.values());
    byKind = byKind(all);
    takenAt = count;
  }
}
