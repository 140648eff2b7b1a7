package io.transfermonitor.producers.designations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of one list record as an XML list reader collects them ({@link UnRecord}, {@link
 * SdnRecord}): leaf values by field, in document order, and repeated groups (an alias, an address,
 * an identifier), each one map of its fields. A value inside an open group goes to the group; two
 * values of one field in a group are joined by a space.
 */
final class RecordFields {

  private final Map<String, List<String>> fields = new LinkedHashMap<>();
  private final Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
  private Map<String, String> group;

  /** A group starts: values go to it until {@link #closeGroup}. */
  void openGroup() {
    group = new LinkedHashMap<>();
  }

  /** The open group ends, kept under {@code name}. */
  void closeGroup(String name) {
    groups.computeIfAbsent(name, k -> new ArrayList<>()).add(group);
    group = null;
  }

  /** Whether a group is open. */
  boolean inGroup() {
    return group != null;
  }

  /**
   * {@code value} of {@code field}, cleaned (trimmed, runs of white space one space); blank: none.
   */
  void add(String field, CharSequence text) {
    String value = text.toString().strip().replaceAll("\\s+", " ");
    if (value.isEmpty()) {
      return;
    }
    if (group != null) {
      group.merge(field, value, (a, b) -> a + " " + b);
    } else {
      fields.computeIfAbsent(field, k -> new ArrayList<>()).add(value);
    }
  }

  /** Every value of {@code field} outside groups, in document order. */
  List<String> all(String field) {
    return fields.getOrDefault(field, List.of());
  }

  /** The first value of {@code field} outside groups, or null. */
  String first(String field) {
    List<String> values = fields.get(field);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The groups kept under {@code name}, in document order. */
  List<Map<String, String>> groups(String name) {
    return groups.getOrDefault(name, List.of());
  }
}
