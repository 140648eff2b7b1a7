package io.transfermonitor.producers.designations;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code source} of a designation loaded from OpenSanctions: {@code OpenSanctions:} and the
 * datasets the entity comes from ({@code OpenSanctions: us_ofac_sdn}, {@code OpenSanctions: eu_fsf,
 * gb_hmt_sanctions}), so an alert names the lists. A load covers ({@link ListScope}) the datasets
 * its entities come from: a held entity all of whose datasets the load covers and which it no
 * longer holds is delisted; one that another dataset still lists is not.
 */
public final class FtmSource {

  static final String PREFIX = "OpenSanctions";

  private FtmSource() {}

  /** The source of an entity of {@code datasets}. */
  static String of(Collection<String> datasets) {
    if (datasets.isEmpty()) {
      return PREFIX;
    }
    return PREFIX + ": " + String.join(", ", new TreeSet<>(datasets));
  }

  /** The datasets a source names; empty when it is no OpenSanctions source. */
  static Set<String> datasets(String source) {
    if (!source.startsWith(PREFIX + ": ")) {
      return Set.of();
    }
    return Set.copyOf(Arrays.asList(source.substring(PREFIX.length() + 2).split(", ")));
  }

  /** The scope of a load whose entities came from {@code covered}. */
  static ListScope scope(Set<String> covered, List<String> sources) {
    Set<String> exact = Set.copyOf(sources);
    Set<String> datasets = Set.copyOf(covered);
    return source -> {
      if (exact.contains(source)) {
        return true;
      }
      Set<String> of = datasets(source);
      return !of.isEmpty() && datasets.containsAll(of);
    };
  }
}
