package io.transfermonitor.producers.rules;

import io.transfermonitor.model.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * What applying a rules file changes on the rules topic, compared with the rules it holds now: the
 * rules the file adds, the ones it changes (with the fields that differ), the ones it leaves as
 * they are, and the live rules it does not have. A rule absent from the file stays live unless it
 * is removed ({@code rules apply --prune}, {@code rules remove}): a renamed rule would otherwise
 * count every event twice, under both ids.
 *
 * @param added rules the topic does not hold
 * @param changed rules it holds with other content
 * @param unchanged rules it holds as they are
 * @param absent rules it holds that the file does not have
 */
public record RulePlan(
    List<Rule> added, List<Change> changed, List<Rule> unchanged, List<Rule> absent) {

  public RulePlan {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    unchanged = List.copyOf(unchanged);
    absent = List.copyOf(absent);
  }

  /**
   * A rule the file changes.
   *
   * @param before as the topic holds it
   * @param after as the file has it
   * @param fields the fields of the Rule schema that differ, in schema order
   */
  public record Change(Rule before, Rule after, List<String> fields) {

    public Change {
      fields = List.copyOf(fields);
    }
  }

  /** The plan of publishing {@code file} onto a topic that holds {@code held} (by rule id). */
  public static RulePlan of(Map<String, Rule> held, Collection<Rule> file) {
    List<Rule> added = new ArrayList<>();
    List<Change> changed = new ArrayList<>();
    List<Rule> unchanged = new ArrayList<>();
    for (Rule rule : file) {
      Rule before = held.get(rule.getRuleId());
      if (before == null) {
        added.add(rule);
      } else if (before.equals(rule)) {
        unchanged.add(rule);
      } else {
        changed.add(new Change(before, rule, differing(before, rule)));
      }
    }
    Set<String> ids = file.stream().map(Rule::getRuleId).collect(Collectors.toSet());
    List<Rule> absent =
        held.values().stream().filter(rule -> !ids.contains(rule.getRuleId())).toList();
    return new RulePlan(added, changed, unchanged, absent);
  }

  /** The rules to write: additions and changes. */
  public List<Rule> writes() {
    List<Rule> writes = new ArrayList<>(added);
    changed.forEach(change -> writes.add(change.after()));
    return writes;
  }

  /** Ids of the live rules the file does not have. */
  public List<String> absentIds() {
    return absent.stream().map(Rule::getRuleId).toList();
  }

  private static List<String> differing(Rule before, Rule after) {
    List<String> fields = new ArrayList<>();
    for (Schema.Field field : Rule.getClassSchema().getFields()) {
      if (!Objects.equals(before.get(field.pos()), after.get(field.pos()))) {
        fields.add(field.name());
      }
    }
    return fields;
  }
}
