package io.transfermonitor.streams.cases;

import io.transfermonitor.model.Case;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * How many bytes a case takes in Avro, counted without keeping them, against the most a case may
 * take. The case is written whole to its changelog and to the case topic on every change, and a
 * record over the producer's {@code max.request.size} (1 MiB by default) would fail the stream
 * thread, and its replacement, on the same case. The history, the action ids, the alert ids, the
 * evidence and the sources are bounded each, so a case stays far below; this is the last check. Not
 * thread-safe: one per processor.
 */
final class CaseSize {

  /**
   * The most a case may take: three quarters of Kafka's default 1 MiB, leaving room for the key,
   * the schema id, headers and the batch framing, and for a monitor run with a smaller limit.
   */
  static final int MAX_BYTES = 768 * 1024;

  private final DatumWriter<Case> writer = new SpecificDatumWriter<>(Case.class);
  private final Counter counter = new Counter();
  private BinaryEncoder encoder;

  /** The bytes {@code state} takes in Avro binary. */
  long of(Case state) {
    counter.count = 0;
    encoder = EncoderFactory.get().binaryEncoder(counter, encoder);
    try {
      writer.write(state, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counter.count;
  }

  private static final class Counter extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
