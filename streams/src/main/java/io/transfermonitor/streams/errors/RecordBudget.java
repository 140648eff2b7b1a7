package io.transfermonitor.streams.errors;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The most bytes a record the monitor writes may take: the producer's {@code max.request.size}
 * (Kafka's default 1 MiB, the same as the brokers' and topics' {@code max.message.bytes}) less
 * {@link #HEADROOM} for the key and the batch's framing. {@link #guard} checks it where a record is
 * made, in its serializer, before the producer sees it: under exactly-once a record the producer
 * refuses as too large aborts the whole transaction, the dead-letter record with it, so the task
 * would fail on it again and again. A serializer error instead goes to the production exception
 * handler ({@link RejectedRecordHandler}), which sets the record aside on the rejected topic and
 * lets the task go on.
 *
 * <p>The same guard ({@link #guardStore}) wraps the value serde of every store with a changelog
 * ({@code MonitorTopology}): a store serializes a value once, when it is put, and the bytes it
 * produced are what its changelog record carries at the next commit. A value over the budget is
 * refused there, inside the processor that put it, so the task sets the input record aside (the
 * processing exception handler, {@link RejectedRecordHandler}) instead of failing its commit on a
 * changelog record the broker refuses. The guard measures the bytes the serde produced; nothing is
 * serialized twice.
 *
 * <p>A monitor's budget comes from its settings ({@link #of}) and is never below {@link #HEADROOM}.
 * The constructor takes budgets down to {@link #MIN_BYTES}, so that a test can reach the guard with
 * records of a few kilobytes rather than a megabyte.
 *
 * @param maxBytes the most bytes of value and headers a record may take
 */
public record RecordBudget(int maxBytes) {

  /** Room left for the key, the record's and the batch's framing. */
  public static final int HEADROOM = 64 * 1024;

  /** The budget under Kafka's default {@code max.request.size} of 1 MiB. */
  public static final RecordBudget DEFAULT = new RecordBudget(1024 * 1024 - HEADROOM);

  /**
   * The smallest budget the constructor takes: below it, the monitor's ordinary records (a rule's
   * alert, a case with its history) would not fit. Only tests go below {@link #HEADROOM}.
   */
  public static final int MIN_BYTES = 4 * 1024;

  public RecordBudget {
    if (maxBytes < MIN_BYTES) {
      throw new IllegalArgumentException(
          "maxBytes must be at least "
              + MIN_BYTES
              + " (a monitor's is at least "
              + HEADROOM
              + "), was "
              + maxBytes);
    }
  }

  /**
   * The budget of a monitor running on {@code configs} (its streams properties): from {@code
   * producer.max.request.size} or {@code max.request.size}, else {@link #DEFAULT}.
   */
  public static RecordBudget of(Map<String, ?> configs) {
    Object size = configs.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
    if (size == null) {
      size = configs.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
    }
    if (size == null) {
      return DEFAULT;
    }
    int maxRequest = Integer.parseInt(size.toString().trim());
    return new RecordBudget(Math.max(HEADROOM, maxRequest - HEADROOM));
  }

  /** {@code serde} whose serializer refuses a record over the budget; it reads as before. */
  public <V> Serde<V> guard(Serde<V> serde) {
    return Serdes.serdeFrom(
        new Guarded<>(serde.serializer(), maxBytes, true), serde.deserializer());
  }

  /**
   * {@code serde} for a store's values, whose serializer refuses a value over the budget; it reads
   * as before. Only the value's bytes count: a store's serializer is handed the headers of the
   * record being processed, which its changelog record does not carry.
   */
  public <V> Serde<V> guardStore(Serde<V> serde) {
    return Serdes.serdeFrom(
        new Guarded<>(serde.serializer(), maxBytes, false), serde.deserializer());
  }

  /** A record too large for the budget, refused before it reaches the producer. */
  public static final class OversizeRecordException extends SerializationException {
    private static final long serialVersionUID = 1L;

    /** The exception among {@code error} and its causes, if one is. */
    public static Optional<OversizeRecordException> in(Throwable error) {
      for (Throwable t = error; t != null; t = t.getCause()) {
        if (t instanceof OversizeRecordException oversize) {
          return Optional.of(oversize);
        }
        if (t.getCause() == t) {
          break;
        }
      }
      return Optional.empty();
    }

    OversizeRecordException(String topic, long bytes, int maxBytes) {
      super(
          "a record of "
              + bytes
              + " bytes for "
              + topic
              + " exceeds the monitor's budget of "
              + maxBytes
              + " bytes (max.request.size less "
              + HEADROOM
              + ")");
    }
  }

  private record Guarded<V>(Serializer<V> inner, int maxBytes, boolean headersWritten)
      implements Serializer<V> {

    @Override
    public byte[] serialize(String topic, V data) {
      return check(topic, inner.serialize(topic, data), 0);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, V data) {
      return check(
          topic, inner.serialize(topic, headers, data), headersWritten ? size(headers) : 0);
    }

    private byte[] check(String topic, byte[] bytes, long headerBytes) {
      long total = (bytes == null ? 0 : bytes.length) + headerBytes;
      if (total > maxBytes) {
        throw new OversizeRecordException(topic, total, maxBytes);
      }
      return bytes;
    }

    private static long size(Headers headers) {
      long bytes = 0;
      if (headers != null) {
        for (Header h : headers) {
          bytes += h.key().length() + (h.value() == null ? 0 : h.value().length);
        }
      }
      return bytes;
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
