package io.transfermonitor.cli.bench;

import io.transfermonitor.model.Rule;
import io.transfermonitor.schemas.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** Placeholder until the topology lands on main. */
public final class MonitorPass implements AutoCloseable {

  public MonitorPass(BenchStack stack, Topics topics, Path stateDir, long commitIntervalMs) {}

  public static List<Rule> ruleSet(Integer total) {
    return SyntheticRules.of(total == null ? 8 : total);
  }

  public PassResult run(int instances, ConsumerProgress progress, String appId, PrintStream out) {
    throw new UnsupportedOperationException("monitor not on main yet");
  }

  @Override
  public void close() {}
}
