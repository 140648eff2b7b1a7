package io.transfermonitor.producers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What loading a reference file (a priority list, a makers table, a vessel register) changes on its
 * compacted topic, compared with what the topic holds now, by key: the records it adds, those it
 * changes, those it leaves as they are, and the keys of the held records of the same source (the
 * same list, the same table) that the load no longer has, which get a tombstone: a source is loaded
 * whole. Records of other sources are never touched. The vessel register is loaded the same way
 * ({@code VesselPublisher}).
 *
 * @param added records the topic does not hold
 * @param changed records it holds with other content
 * @param unchanged records it holds as they are: not written again
 * @param removed keys of held records of the loaded source(s) the load does not have
 * @param key the key of a record
 */
public record ReferencePlan<V>(
    List<V> added,
    List<V> changed,
    List<V> unchanged,
    List<String> removed,
    Function<V, String> key) {

  public ReferencePlan {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    unchanged = List.copyOf(unchanged);
    removed = List.copyOf(removed);
  }

  /**
   * The plan of loading {@code records} onto a topic that holds {@code held}, by {@code key}; the
   * held records whose {@code source} is one of the loaded ones and whose key the load lacks are
   * removed.
   */
  public static <V> ReferencePlan<V> of(
      Map<String, V> held,
      Collection<V> records,
      Function<V, String> key,
      Function<V, String> source) {
    List<V> added = new ArrayList<>();
    List<V> changed = new ArrayList<>();
    List<V> unchanged = new ArrayList<>();
    for (V record : records) {
      V before = held.get(key.apply(record));
      if (before == null) {
        added.add(record);
      } else if (before.equals(record)) {
        unchanged.add(record);
      } else {
        changed.add(record);
      }
    }
    Set<String> sources =
        records.stream().map(source).filter(Objects::nonNull).collect(Collectors.toSet());
    Set<String> loaded = records.stream().map(key).collect(Collectors.toSet());
    List<String> removed = new ArrayList<>();
    held.forEach(
        (k, record) -> {
          if (!loaded.contains(k) && sources.contains(source.apply(record))) {
            removed.add(k);
          }
        });
    return new ReferencePlan<>(added, changed, unchanged, removed, key);
  }

  /** What to write, key to record, in order: additions, changes, then tombstones (null). */
  public Map<String, V> writes() {
    Map<String, V> writes = new LinkedHashMap<>();
    added.forEach(v -> writes.put(key.apply(v), v));
    changed.forEach(v -> writes.put(key.apply(v), v));
    removed.forEach(k -> writes.put(k, null));
    return writes;
  }

  /** E.g. {@code 9 added, 0 changed, 1 removed, 0 unchanged}. */
  public String describe() {
    return added.size()
        + " added, "
        + changed.size()
        + " changed, "
        + removed.size()
        + " removed, "
        + unchanged.size()
        + " unchanged";
  }
}
