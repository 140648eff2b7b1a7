package io.transfermonitor.producers.ingest;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.producers.EventSink;
import io.transfermonitor.producers.jsonl.EventJson;
import io.transfermonitor.producers.jsonl.EventJsonException;
import io.transfermonitor.schemas.EventTypes;
import io.transfermonitor.schemas.validation.EventValidator;
import io.transfermonitor.schemas.validation.RejectedEventLimit;
import io.transfermonitor.schemas.validation.Violation;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;

/**
 * The ingest pipeline: reads each input (CSV through a {@link Mapping}, or JSON Lines in the {@link
 * EventJson} format), maps and validates ({@link EventValidator}) every record, hands good ones to
 * the {@link EventSink} and accounts for bad ones in the {@link RejectionReport} (file, line,
 * field, reason) and, when asked, as {@link RejectedEvent}s (stage INGEST) to the rejected topic. A
 * bad record never stops the run; an unreadable input or a broken mapping does, before its first
 * record. Input must be UTF-8: a record holding bytes that are not is rejected, not passed on with
 * U+FFFD in it. A send the cluster does not acknowledge is reported with its file, line and raw
 * record (kept until the cluster answers, so input from stdin is not lost) and not counted as
 * produced; so is a record the sink refuses to send (its schema cannot be registered, the login is
 * refused), after which the run stops, having reported every send that failed before it.
 */
public final class Ingest {

  private static final int PROGRESS_EVERY = 4096;
  private static final String NOT_UTF8 =
      "holds bytes that are not valid UTF-8 (the input must be UTF-8)";

  private final EventSink sink;
  private final Mapping mapping;
  private final RejectionReport report;
  private final boolean toRejectedTopic;
  private final boolean dryRun;
  private final IngestProgress progress;
  private final EventValidator validator;

  private long records;
  private long produced;
  private long rejected;
  private long bytesDone;
  private long totalBytes;
  private final Map<EventKind, Long> byKind = new EnumMap<>(EventKind.class);
  private final Queue<FailedSend> failedSends = new ConcurrentLinkedQueue<>();
  private long toShow;
  private Consumer<SpecificRecord> shown = event -> {};

  /**
   * A record the cluster did not take, or the sink refused to send: where it came from, its text
   * and what happened, for the report.
   */
  private record FailedSend(
      String file,
      long line,
      String eventId,
      EventKind kind,
      String raw,
      String what,
      Exception e) {}

  private static final String NOT_ACKNOWLEDGED = "not acknowledged by the cluster, not produced";
  private static final String STOPPED = "not produced, ingest stopped at this record";

  /**
   * @param sink where good events go (ignored in a dry run)
   * @param mapping the mapping for CSV inputs, or null when all inputs are JSON Lines
   * @param report where problems are written, or null
   * @param toRejectedTopic also send each rejected record to the sink's rejected topic
   * @param dryRun validate only, produce nothing
   * @param progress progress display
   * @param validator the checks applied to each event
   */
  public Ingest(
      EventSink sink,
      Mapping mapping,
      RejectionReport report,
      boolean toRejectedTopic,
      boolean dryRun,
      IngestProgress progress,
      EventValidator validator) {
    this.sink = dryRun ? EventSink.discarding() : Objects.requireNonNull(sink, "sink");
    this.mapping = mapping;
    this.report = report;
    this.toRejectedTopic = toRejectedTopic;
    this.dryRun = dryRun;
    this.progress = progress;
    this.validator = validator;
  }

  /**
   * Hands the first {@code count} events that pass validation to {@code shown}, as they are (or in
   * a dry run, would be) produced: for {@code ingest --dry-run --show N}.
   */
  public Ingest showing(long count, Consumer<SpecificRecord> shown) {
    if (count < 0) {
      throw new IllegalArgumentException("cannot show " + count + " events");
    }
    this.toShow = count;
    this.shown = Objects.requireNonNull(shown, "shown");
    return this;
  }

  /** Reads every input in turn, flushes the sink, and says what happened. */
  public IngestResult run(List<IngestInput> inputs) {
    long start = System.nanoTime();
    totalBytes = 0;
    for (IngestInput input : inputs) {
      totalBytes = input.size() < 0 || totalBytes < 0 ? -1 : totalBytes + input.size();
    }
    for (IngestInput input : inputs) {
      if (input.format() == InputFormat.CSV && mapping == null) {
        throw new MappingException(input.name() + ": CSV needs a mapping (--mapping FILE)");
      }
      if (input.format() == InputFormat.CSV && mapping.isDesignationList()) {
        throw new MappingException(
            input.name()
                + ": the mapping reads designations, not events: load it with transfer-monitor"
                + " designations load --mapping FILE");
      }
    }
    try {
      for (IngestInput input : inputs) {
        read(input);
      }
    } catch (RuntimeException e) {
      // the run stops; what was sent before is still accounted for, each send that failed listed
      // with its text like the record the run stopped at
      try {
        sink.flush();
      } catch (RuntimeException flushing) {
        e.addSuppressed(flushing);
      }
      reportFailedSends();
      throw e;
    }
    sink.flush();
    long failed = reportFailedSends();
    IngestResult result =
        new IngestResult(
            records,
            produced,
            rejected,
            failed,
            byKind,
            Duration.ofNanos(System.nanoTime() - start),
            dryRun);
    progress.finished(result);
    return result;
  }

  private void read(IngestInput input) {
    try (CountingStream in = new CountingStream(input.opener().open())) {
      if (input.format() == InputFormat.CSV) {
        csv(input.name(), in);
      } else {
        jsonLines(input.name(), in);
      }
      bytesDone += in.count;
    } catch (IOException e) {
      throw new UncheckedIOException(input.name() + ": " + e.getMessage(), e);
    }
  }

  /** Reports each send that failed, takes it off the produced count; returns how many. */
  private long reportFailedSends() {
    long failed = 0;
    for (FailedSend f; (f = failedSends.poll()) != null; ) {
      failed++;
      produced--;
      byKind.merge(f.kind(), -1L, Long::sum);
      if (report != null) {
        report.add(
            f.file(), f.line(), null, f.what() + " (event " + f.eventId() + "): " + f.e(), f.raw());
      }
    }
    byKind.values().removeIf(n -> n == 0);
    return failed;
  }

  private void csv(String name, CountingStream in) throws IOException {
    try (CsvReader csv = new CsvReader(CsvReader.utf8(in), mapping.delimiter())) {
      RowMapper mapper;
      if (mapping.hasHeaderRow()) {
        if (!header(name, csv)) {
          return; // empty file
        }
        mapper = mapping.bind(List.copyOf(csv.fields()));
        if (csv.raw().indexOf(CsvReader.NOT_UTF8) >= 0) {
          records++;
          reject(name, csv.line(), null, "the header row " + NOT_UTF8, csv::raw, null);
        }
      } else {
        mapper = mapping.bind(List.of());
      }
      while (true) {
        boolean more;
        try {
          more = csv.next();
        } catch (CsvFormatException e) {
          // the reader goes on at the next line: rows an open quote swallowed are read as rows
          records++;
          reject(name, e.line(), null, e.reason(), e::raw, null);
          tick(in);
          continue;
        }
        if (!more) {
          break;
        }
        records++;
        if (csv.raw().indexOf(CsvReader.NOT_UTF8) >= 0) {
          reject(name, csv.line(), null, "the row " + NOT_UTF8, csv::raw, null);
          tick(in);
          continue;
        }
        SpecificRecord event;
        try {
          event = mapper.map(csv.fields());
        } catch (EventJsonException e) {
          reject(name, csv.line(), e.field(), e.reason(), csv::raw, null);
          tick(in);
          continue;
        }
        accept(name, csv.line(), event, csv::raw);
        tick(in);
      }
    }
  }

  /** Reads the header row; a broken one stops the file, as its columns are not known. */
  private static boolean header(String name, CsvReader csv) {
    try {
      return csv.next();
    } catch (CsvFormatException e) {
      String raw = e.raw().length() > 200 ? e.raw().substring(0, 200) + "..." : e.raw();
      throw new MappingException(
          name + ": line " + e.line() + ", the header row: " + e.reason() + ": " + raw, e);
    }
  }

  private void jsonLines(String name, CountingStream in) throws IOException {
    BufferedReader reader = new BufferedReader(CsvReader.utf8(in), 1 << 16);
    String line;
    long number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1); // a byte-order mark, as some editors write UTF-8
      }
      if (line.isBlank()) {
        continue;
      }
      records++;
      if (line.indexOf(CsvReader.NOT_UTF8) >= 0) {
        String bad = line;
        reject(name, number, null, "the line " + NOT_UTF8, () -> bad, null);
        tick(in);
        continue;
      }
      SpecificRecord event;
      String text = line;
      try {
        event = EventJson.read(line, number);
      } catch (EventJsonException e) {
        reject(name, number, e.field(), e.reason(), () -> text, null);
        tick(in);
        continue;
      }
      accept(name, number, event, () -> text);
      tick(in);
    }
  }

  private void accept(String name, long line, SpecificRecord event, Supplier<String> raw) {
    List<Violation> violations = validator.check(event, System.currentTimeMillis());
    if (!violations.isEmpty()) {
      String eventId = EventTypes.headerOf(event).getEventId();
      reject(name, line, violations, raw, eventId);
      return;
    }
    EventKind kind = EventTypes.kindOf(event);
    String eventId = EventTypes.headerOf(event).getEventId();
    // the record's own text, kept until the cluster answers: input read from stdin exists nowhere
    // else, so a send that fails must leave it in the report to be sent again
    String text = raw.get();
    if (toShow > 0) {
      toShow--;
      shown.accept(event);
    }
    produced++;
    byKind.merge(kind, 1L, Long::sum);
    try {
      sink.send(
          event,
          e ->
              failedSends.add(
                  new FailedSend(name, line, eventId, kind, text, NOT_ACKNOWLEDGED, e)));
    } catch (RuntimeException e) {
      // refused before it was sent (its schema could not be registered, the cluster refused the
      // login): the run stops here, and the record is listed with its text all the same
      failedSends.add(new FailedSend(name, line, eventId, kind, text, STOPPED, e));
      throw e;
    }
  }

  private void reject(
      String name, long line, String field, String reason, Supplier<String> raw, String eventId) {
    reject(name, line, List.of(new Violation(field, reason)), raw, eventId);
  }

  private void reject(
      String name, long line, List<Violation> violations, Supplier<String> raw, String eventId) {
    rejected++;
    String text = raw.get();
    if (report != null) {
      for (Violation v : violations) {
        report.add(name, line, v.field(), v.reason(), text);
      }
    }
    if (toRejectedTopic && !dryRun) {
      Violation first = violations.get(0);
      StringBuilder reason = new StringBuilder();
      for (Violation v : violations) {
        if (reason.length() > 0) {
          reason.append("; ");
        }
        reason.append(v.field() == null ? "" : v.field() + ": ").append(v.reason());
      }
      RejectedEvent rejection =
          RejectedEvent.newBuilder()
              .setStage(RejectionStage.INGEST)
              .setReason(reason.toString())
              .setField(first.field())
              .setSourceFile(name)
              .setSourceLine(line)
              .setEventId(eventId)
              .setRawValue(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)))
              .setRejectedAt(Instant.now())
              .build();
      sink.reject(RejectedEventLimit.fit(rejection, RejectedEventLimit.DEFAULT_MAX_BYTES));
    }
  }

  private void tick(CountingStream in) {
    if (records % PROGRESS_EVERY == 0) {
      progress.update(records, rejected, bytesDone + in.count, totalBytes);
    }
  }

  /** Counts the bytes read, for progress and ETA. */
  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
