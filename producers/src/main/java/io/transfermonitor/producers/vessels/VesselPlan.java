package io.transfermonitor.producers.vessels;

import io.transfermonitor.model.VesselRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a load changes on the register topic, compared with what it holds now (by {@link
 * VesselKey}): the vessels it adds, those it changes, those it leaves as they are, and the keys of
 * the held vessels of the same register ({@code source}) that the load no longer has. Those get a
 * tombstone, as a designation a list no longer holds is delisted: a register is loaded whole, and a
 * vessel it dropped (scrapped, renamed under a new IMO number, reflagged away) must not stay known.
 * Vessels of other registers are never touched.
 *
 * @param added vessels the topic does not hold
 * @param changed vessels it holds with other content
 * @param unchanged vessels it holds as they are: not written again
 * @param removed keys of held vessels of the loaded register(s) the load does not have
 */
public record VesselPlan(
    List<VesselRecord> added,
    List<VesselRecord> changed,
    List<VesselRecord> unchanged,
    List<String> removed) {

  public VesselPlan {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    unchanged = List.copyOf(unchanged);
    removed = List.copyOf(removed);
  }

  /** The plan of loading {@code vessels} onto a topic that holds {@code held} (by key). */
  public static VesselPlan of(Map<String, VesselRecord> held, Collection<VesselRecord> vessels) {
    List<VesselRecord> added = new ArrayList<>();
    List<VesselRecord> changed = new ArrayList<>();
    List<VesselRecord> unchanged = new ArrayList<>();
    for (VesselRecord vessel : vessels) {
      VesselRecord before = held.get(VesselKey.of(vessel));
      if (before == null) {
        added.add(vessel);
      } else if (before.equals(vessel)) {
        unchanged.add(vessel);
      } else {
        changed.add(vessel);
      }
    }
    Set<String> sources =
        vessels.stream()
            .map(VesselRecord::getSource)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    Set<String> loaded = vessels.stream().map(VesselKey::of).collect(Collectors.toSet());
    List<String> removed = new ArrayList<>();
    held.forEach(
        (key, vessel) -> {
          if (!loaded.contains(key) && sources.contains(vessel.getSource())) {
            removed.add(key);
          }
        });
    return new VesselPlan(added, changed, unchanged, removed);
  }

  /** What to write, key to vessel, in order: additions, changes, then tombstones (null). */
  public Map<String, VesselRecord> writes() {
    Map<String, VesselRecord> writes = new LinkedHashMap<>();
    added.forEach(v -> writes.put(VesselKey.of(v), v));
    changed.forEach(v -> writes.put(VesselKey.of(v), v));
    removed.forEach(key -> writes.put(key, null));
    return writes;
  }

  /** E.g. {@code 11 added, 0 changed, 1 removed, 0 unchanged}. */
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
