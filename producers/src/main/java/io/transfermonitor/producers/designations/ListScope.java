package io.transfermonitor.producers.designations;

import io.transfermonitor.model.Designation;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lists a load is a complete version of, told by the {@code source} of a designation: a held
 * designation the scope covers and the load no longer holds is delisted; one of another list is
 * never touched. A UN load covers the UN list, an SDN load the SDN list, an OpenSanctions load the
 * datasets its entities come from ({@link FtmSource}).
 */
@FunctionalInterface
public interface ListScope {

  /** True when a designation whose {@code source} is {@code source} belongs to a loaded list. */
  boolean covers(String source);

  /** Either scope. */
  default ListScope or(ListScope other) {
    return source -> covers(source) || other.covers(source);
  }

  /** Exactly the sources of {@code designations}: how every load was scoped before. */
  static ListScope of(Collection<Designation> designations) {
    Set<String> sources =
        designations.stream()
            .map(Designation::getSource)
            .filter(Objects::nonNull)
            .collect(Collectors.toUnmodifiableSet());
    return sources::contains;
  }

  /** Nothing: a load that delists nothing. */
  static ListScope none() {
    return source -> false;
  }
}
