package io.transfermonitor.bench;

import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;

/**
 * Measures what a pass costs on the run's topics: a {@link LogSnapshot} of them before the pass,
 * and after it the {@link PassCost} from a second snapshot and the pass's {@link ClientTraffic}.
 *
 * @param admin the cluster's admin client
 * @param runTopics which topics belong to the run (its inputs, outputs and internal topics)
 * @param inputTopics the run's input topics
 */
public record CostMeter(Admin admin, Predicate<String> runTopics, List<String> inputTopics) {

  public CostMeter {
    inputTopics = List.copyOf(inputTopics);
  }

  /** The run's topics as they stand now. */
  public LogSnapshot snapshot() {
    return LogSnapshot.take(admin, runTopics);
  }

  /** The cost of a pass over {@code inputEvents} that began at {@code before}, measured now. */
  public Measured since(LogSnapshot before, long inputEvents, ClientTraffic traffic) {
    LogSnapshot after = snapshot();
    return new Measured(after, PassCost.of(inputEvents, before, after, traffic, inputTopics));
  }

  /**
   * The snapshot after a pass and what the pass cost.
   *
   * @param after the run's topics at the end of the pass
   * @param cost what the pass wrote and read
   */
  public record Measured(LogSnapshot after, PassCost cost) {}
}
