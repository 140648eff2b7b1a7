package io.transfermonitor.bench;

import io.transfermonitor.cli.kafka.TargetCluster;
import io.transfermonitor.producers.EventProducer;
import io.transfermonitor.producers.ingest.Ingest;
import io.transfermonitor.producers.ingest.IngestInput;
import io.transfermonitor.producers.ingest.IngestProgress;
import io.transfermonitor.producers.ingest.IngestResult;
import io.transfermonitor.producers.ingest.InputFormat;
import io.transfermonitor.producers.ingest.Mapping;
import io.transfermonitor.producers.ingest.RejectionReport;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.validation.EventValidator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Ingest throughput: {@link SyntheticCsv} writes a tanker-sightings CSV of the given number of
 * rows, then the {@code ingest} pipeline ({@link Ingest}: CSV reader, the example mapping,
 * validation, {@link EventProducer} with its own settings) reads and produces it to the run's input
 * topics. Rows per second are counted over the pipeline's run, flush included; writing the CSV is
 * not counted.
 */
public final class IngestPass {

  private IngestPass() {}

  /** Runs the pass; returns the result the pipeline reported. */
  public static IngestResult run(
      Path dir, long rows, Path mappingFile, TargetCluster cluster, Topics topics, PrintStream out)
      throws IOException {
    if (!Files.isRegularFile(mappingFile)) {
      throw new IllegalArgumentException(
          "ingest mapping "
              + mappingFile.toAbsolutePath()
              + " not found: run from the repository root or pass --ingest-mapping");
    }
    Path csv = dir.resolve("ingest-" + rows + ".csv");
    SyntheticCsv.write(csv, rows, 0);
    out.printf(
        Locale.ROOT,
        "ingest: %,d-row CSV (%,d bytes) through %s%n",
        rows,
        Files.size(csv),
        mappingFile);
    Mapping mapping = Mapping.load(mappingFile);
    try (EventProducer producer = producer(cluster, topics);
        RejectionReport report = RejectionReport.to(dir.resolve("ingest-rejections.txt"))) {
      IngestResult result =
          new Ingest(
                  producer,
                  mapping,
                  report,
                  false,
                  false,
                  IngestProgress.silent(),
                  new EventValidator())
              .run(List.of(IngestInput.file(csv, InputFormat.CSV)));
      out.println("ingest done: " + result.summary());
      return result;
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  private static EventProducer producer(TargetCluster cluster, Topics topics) {
    EventProducer.Builder builder =
        EventProducer.builder(cluster.bootstrapServers(), cluster.schemaRegistryUrl())
            .topics(topics);
    cluster.clientProperties().forEach(builder::property);
    return builder.property("client.id", "bench-ingest").build();
  }
}
