package io.transfermonitor.producers.scenario;

import io.transfermonitor.producers.EventProducer;
import io.transfermonitor.producers.EventSink;
import io.transfermonitor.producers.ingest.Ingest;
import io.transfermonitor.producers.ingest.IngestInput;
import io.transfermonitor.producers.ingest.IngestProgress;
import io.transfermonitor.producers.ingest.IngestResult;
import io.transfermonitor.producers.ingest.InputFormat;
import io.transfermonitor.schemas.validation.EventValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Replays a scenario: a JSON Lines file in the event format, in file order. Every valid event goes
 * to the sink (an {@link EventProducer} routes it to the topic of its kind); every bad line goes to
 * the rejected topic. Returns after the sink has flushed.
 *
 * <pre>{@code
 * try (EventProducer producer = EventProducer.builder(bootstrap, registry).topics(topics).build();
 *     InputStream seed = ScenarioReplayer.seed()) {
 *   ReplayResult result = ScenarioReplayer.replay(seed, producer);
 * }
 * }</pre>
 */
public final class ScenarioReplayer {

  /** Classpath location of the bundled seed scenario (September 2023 to April 2025). */
  public static final String SEED_RESOURCE = "/scenarios/seed-2023-2025.jsonl";

  private ScenarioReplayer() {}

  /** Opens the bundled seed scenario; the caller closes it. */
  public static InputStream seed() {
    InputStream in = ScenarioReplayer.class.getResourceAsStream(SEED_RESOURCE);
    if (in == null) {
      throw new IllegalStateException("seed scenario missing from the classpath: " + SEED_RESOURCE);
    }
    return in;
  }

  /** Replays the scenario read from {@code in} (not closed) into {@code sink}. */
  public static ReplayResult replay(InputStream in, EventSink sink) {
    return replay("scenario", in, sink);
  }

  /** Replays the scenario in {@code file} into {@code sink}. */
  public static ReplayResult replay(Path file, EventSink sink) {
    try (InputStream in = Files.newInputStream(file)) {
      return replay(file.toString(), in, sink);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read scenario " + file, e);
    }
  }

  private static ReplayResult replay(String name, InputStream in, EventSink sink) {
    Ingest ingest =
        new Ingest(sink, null, null, true, false, IngestProgress.silent(), new EventValidator());
    IngestResult result = ingest.run(List.of(IngestInput.stream(name, InputFormat.JSONL, in)));
    return new ReplayResult(
        (int) result.produced(),
        (int) result.rejected(),
        result.failedSends(),
        result.producedByKind());
  }
}
