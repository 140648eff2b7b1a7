package io.transfermonitor.streams.cases;

import io.transfermonitor.model.Case;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * How many bytes a case takes in Avro, counted without keeping them, against the most a case may
 * take. The case is written whole to its changelog and to the case topic on every change, and a
 * record over the producer's {@code max.request.size} (1 MiB by default) would fail the stream
 * thread, and its replacement, on the same case. The history, the action ids, the alert ids, the
 * evidence and the sources are bounded each, so a case stays far below; this is the last check. It
 * runs on every alert a case files, so it first bounds the size from above without encoding
 * anything ({@link #atMost}), and counts the bytes exactly only when that bound is over the limit.
 * Not thread-safe: one per processor.
 */
final class CaseSize {

  /**
   * The most a case may take: three quarters of Kafka's default 1 MiB, leaving room for the key,
   * the schema id, headers and the batch framing, and for a monitor run with a smaller limit.
   */
  static final int MAX_BYTES = 768 * 1024;

  /** The widest a length, a count, a union branch, an enum or a number takes in Avro. */
  private static final int WIDEST = 10;

  private final DatumWriter<Case> writer = new SpecificDatumWriter<>(Case.class);
  private final Counter counter = new Counter();
  private BinaryEncoder encoder;

  /** The bytes {@code state} takes when they are more than {@link #MAX_BYTES}, else empty. */
  OptionalLong over(Case state) {
    if (atMost(state, Case.getClassSchema()) <= MAX_BYTES) {
      return OptionalLong.empty();
    }
    long bytes = of(state);
    return bytes > MAX_BYTES ? OptionalLong.of(bytes) : OptionalLong.empty();
  }

  /**
   * At least as many bytes as {@code value} of {@code schema} takes in Avro binary: every length,
   * count, union branch, enum and number at its widest (10 bytes), every character of a string at 3
   * bytes. Walks the value by its schema, so a field added to the case is counted without a change
   * here.
   */
  static long atMost(Object value, Schema schema) {
    return switch (schema.getType()) {
      case RECORD -> {
        IndexedRecord record = (IndexedRecord) value;
        long bytes = 0;
        for (Schema.Field field : schema.getFields()) {
          bytes += atMost(record.get(field.pos()), field.schema());
        }
        yield bytes;
      }
      case UNION -> value == null ? WIDEST : WIDEST + atMost(value, branchOf(schema));
      case ARRAY -> {
        long bytes = 2 * WIDEST;
        for (Object item : (Collection<?>) value) {
          bytes += atMost(item, schema.getElementType());
        }
        yield bytes;
      }
      case MAP -> {
        long bytes = 2 * WIDEST;
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          bytes += WIDEST + 3L * entry.getKey().toString().length();
          bytes += atMost(entry.getValue(), schema.getValueType());
        }
        yield bytes;
      }
      case STRING -> WIDEST + 3L * ((CharSequence) value).length();
      case BYTES -> WIDEST + ((ByteBuffer) value).remaining();
      case FIXED -> schema.getFixedSize();
      case NULL -> 0;
      case BOOLEAN -> 1;
      case FLOAT -> 4;
      case DOUBLE -> 8;
      case INT, LONG, ENUM -> WIDEST;
    };
  }

  /** The branch a non-null value takes in a union: the case's unions are a type or null. */
  private static Schema branchOf(Schema union) {
    Schema branch = null;
    for (Schema type : union.getTypes()) {
      if (type.getType() != Schema.Type.NULL) {
        if (branch != null) {
          throw new IllegalArgumentException("a union of more than one type and null: " + union);
        }
        branch = type;
      }
    }
    return branch;
  }

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
