package io.transfermonitor.bench.soak;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * One fault a soak injects between two chunks of its input.
 *
 * @param kind what is done
 * @param target the monitor instance (0-based) or broker node (1-based) it is done to
 * @param emptyState for a monitor kill: restart it on an emptied state directory
 */
record Fault(Kind kind, int target, boolean emptyState) {

  enum Kind {
    MONITOR_KILL("monitor kill -9"),
    BROKER_SIGTERM("broker SIGTERM"),
    BROKER_SIGKILL("broker SIGKILL"),
    REGISTRY_OUTAGE("registry outage");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  @Override
  public String toString() {
    return switch (kind) {
      case MONITOR_KILL ->
          kind.label + " of instance " + target + (emptyState ? " (state emptied)" : "");
      case BROKER_SIGTERM, BROKER_SIGKILL -> kind.label + " of node " + target;
      case REGISTRY_OUTAGE -> kind.label;
    };
  }

  /**
   * The seeded order of {@code kills} monitor kills (one of them restarting on an emptied state
   * directory), {@code bounces} broker bounces (SIGTERM and SIGKILL in turn, one node at a time)
   * and {@code registryOutages} registry outages.
   */
  static List<Fault> plan(
      int kills, int bounces, int registryOutages, int instances, int brokers, long seed) {
    Random random = new Random(seed);
    List<Fault> faults = new ArrayList<>();
    int emptied = kills == 0 ? -1 : random.nextInt(kills);
    for (int i = 0; i < kills; i++) {
      faults.add(new Fault(Kind.MONITOR_KILL, random.nextInt(instances), i == emptied));
    }
    for (int i = 0; i < bounces && brokers > 1; i++) {
      Kind kind = i % 2 == 0 ? Kind.BROKER_SIGTERM : Kind.BROKER_SIGKILL;
      faults.add(new Fault(kind, 1 + random.nextInt(brokers), false));
    }
    for (int i = 0; i < registryOutages; i++) {
      faults.add(new Fault(Kind.REGISTRY_OUTAGE, 0, false));
    }
    Collections.shuffle(faults, random);
    // the first chunk registers every schema the producers use; an outage after it finds them
    // cached
    if (faults.size() > 1 && faults.get(0).kind() == Kind.REGISTRY_OUTAGE) {
      Collections.swap(faults, 0, 1);
    }
    return faults;
  }
}
