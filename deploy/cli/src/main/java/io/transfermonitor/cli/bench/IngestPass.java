package io.transfermonitor.cli.bench;

import java.io.PrintStream;
import java.nio.file.Path;

/** Placeholder until the producers land on main. */
final class IngestPass {
  private IngestPass() {}

  static double run(Path dir, BenchStack stack, PrintStream out) {
    throw new UnsupportedOperationException("ingest not on main yet");
  }
}
