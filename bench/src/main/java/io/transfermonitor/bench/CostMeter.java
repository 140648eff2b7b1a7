package io.transfermonitor.bench;

import org.apache.kafka.clients.admin.Admin;

/**
 * Measures what a pass costs on the run's topics: a {@link LogSnapshot} of them before the pass,
 * and after it the {@link PassCost} from a second snapshot and the pass's {@link ClientTraffic}.
 *
 * @param admin the cluster's admin client
 * @param run which topics belong to the run (its inputs, outputs and internal topics)
 */
public record CostMeter(Admin admin, RunTopics run) {

  /** The run's topics as they stand now. */
  public LogSnapshot snapshot() {
    return LogSnapshot.take(admin, run::contains);
  }

  /** The cost of a pass over {@code inputEvents} that began at {@code before}, measured now. */
  public Measured since(LogSnapshot before, long inputEvents, ClientTraffic traffic) {
    LogSnapshot after = snapshot();
    return new Measured(after, PassCost.of(inputEvents, before, after, traffic, run));
  }

  /**
   * The snapshot after a pass and what the pass cost.
   *
   * @param after the run's topics at the end of the pass
   * @param cost what the pass wrote and read
   */
  public record Measured(LogSnapshot after, PassCost cost) {}
}
