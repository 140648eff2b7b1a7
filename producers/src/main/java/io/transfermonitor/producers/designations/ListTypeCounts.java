package io.transfermonitor.producers.designations;

import io.transfermonitor.model.Designation;
import io.transfermonitor.model.DesignationType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many designations a load holds per list type (regime) and kind, as the load summary prints
 * them: {@code DPRK 155 (80 individuals, 75 entities)}.
 */
public final class ListTypeCounts {

  private static final List<DesignationType> ORDER =
      List.of(DesignationType.INDIVIDUAL, DesignationType.ENTITY, DesignationType.VESSEL);

  private final Map<String, Map<DesignationType, Integer>> counts = new TreeMap<>();

  private ListTypeCounts() {}

  public static ListTypeCounts of(Collection<Designation> designations) {
    ListTypeCounts counts = new ListTypeCounts();
    for (Designation designation : designations) {
      counts
          .counts
          .computeIfAbsent(designation.getRegime(), k -> new EnumMap<>(DesignationType.class))
          .merge(designation.getType(), 1, Integer::sum);
    }
    return counts;
  }

  /** How many of {@code type} the list {@code regime} has. */
  public int count(String regime, DesignationType type) {
    return counts.getOrDefault(regime, Map.of()).getOrDefault(type, 0);
  }

  /** One line per list, alphabetically: {@code DPRK 155 (80 individuals, 75 entities)}. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    counts.forEach(
        (regime, byType) -> {
          int total = byType.values().stream().mapToInt(Integer::intValue).sum();
          List<String> parts = new ArrayList<>();
          for (DesignationType type : ORDER) {
            Integer n = byType.get(type);
            if (n != null) {
              parts.add(n + " " + plural(type, n));
            }
          }
          lines.add(regime + " " + total + " (" + String.join(", ", parts) + ")");
        });
    return lines;
  }

  private static String plural(DesignationType type, int n) {
    String word =
        switch (type) {
          case INDIVIDUAL -> "individual";
          case ENTITY -> "entit";
          case VESSEL -> "vessel";
        };
    if (type == DesignationType.ENTITY) {
      return word + (n == 1 ? "y" : "ies");
    }
    return word.toLowerCase(Locale.ROOT) + (n == 1 ? "" : "s");
  }
}
