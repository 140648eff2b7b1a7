package io.transfermonitor.producers.scenario;

import io.transfermonitor.model.EventKind;
import java.util.Map;

/**
 * What a scenario replay produced.
 *
 * @param produced events handed to the producer
 * @param rejected lines that could not be read or failed validation (sent to the rejected topic)
 * @param failedSends events the cluster did not acknowledge
 * @param producedByKind produced events per kind
 */
public record ReplayResult(
    int produced, int rejected, long failedSends, Map<EventKind, Long> producedByKind) {

  public ReplayResult {
    producedByKind = Map.copyOf(producedByKind);
  }
}
