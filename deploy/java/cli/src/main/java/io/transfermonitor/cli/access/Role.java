package io.transfermonitor.cli.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who uses the monitor's topics, each as a Kafka user of its own: producers add events, the monitor
 * turns them into alerts, cases and aggregates, ops and dashboards read those and act on cases.
 */
public enum Role {
  PRODUCER,
  MONITOR,
  OPS;

  /** The role's name, and the user it is granted to unless told otherwise: {@code producer}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named {@code id} ({@code producer}, {@code monitor}, {@code ops}). */
  public static Optional<Role> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id().equalsIgnoreCase(id.strip())).findFirst();
  }
}
