package io.transfermonitor.streams.fact;

import java.util.List;

/**
 * What the arrival of one observation changed about one delivery: the delivery before and after.
 * Set on a fact by the corroboration stage; carried through the repartition topics to the ledgers.
 * A delivery is identified by its first observation (by event time, then event id); a delivery that
 * an earlier-arriving observation took over has no observations after (it was dissolved).
 *
 * @param deliveryId event id of the delivery's first observation
 * @param deliveryTime event time of that observation, epoch millis: the period it counts in
 * @param countedBefore what the delivery counted before (its largest observation), 0 when new
 * @param counted what it counts now, 0 when dissolved
 * @param observationsBefore how many observations it had before
 * @param eventIds its observations now, by event time
 * @param sourcesBefore how many distinct sources had seen it before
 * @param sources the distinct sources that see it now
 */
public record Corroboration(
    String deliveryId,
    long deliveryTime,
    double countedBefore,
    double counted,
    int observationsBefore,
    List<String> eventIds,
    int sourcesBefore,
    List<String> sources) {

  public Corroboration {
    eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /** What this change adds to totals, as seen from the observation {@code eventId}. */
  public Contribution contribution(String eventId) {
    return new Contribution(
        counted - countedBefore,
        deliveryTime,
        eventIds.size() - observationsBefore,
        exists(eventIds.size()) - exists(observationsBefore),
        corroborated(sources.size()) - corroborated(sourcesBefore),
        sources,
        eventIds.contains(eventId));
  }

  private static int exists(int observations) {
    return observations > 0 ? 1 : 0;
  }

  private static int corroborated(int sourceCount) {
    return sourceCount > 1 ? 1 : 0;
  }
}
