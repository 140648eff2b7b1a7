package io.transfermonitor.streams.fact;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Where an accepted event was read from, carried as a record header ({@value #HEADER}, {@code
 * topic/partition/offset}) through the repartition topics, so that a record failing at a later
 * stage can be rejected naming the input record an operator can fix and replay, rather than an
 * internal topic. Topic names cannot contain {@code /}.
 *
 * @param topic the event topic
 * @param partition its partition
 * @param offset the record's offset
 */
public record SourcePointer(String topic, int partition, long offset) {

  public static final String HEADER = "tm-source";

  /**
   * The headers an accepted fact travels on with: this pointer alone. The producer's own headers
   * stay on the input record (where a rejection names it); copying them onto internal records would
   * let one record with a header near the broker's size limit fail every write after validation.
   */
  public Headers asHeaders() {
    Headers out = new RecordHeaders();
    out.add(HEADER, toString().getBytes(StandardCharsets.UTF_8));
    return out;
  }

  /** The pointer the monitor stamped on a record, if any and readable. */
  public static Optional<SourcePointer> in(Headers headers) {
    Header header = headers == null ? null : headers.lastHeader(HEADER);
    if (header == null || header.value() == null) {
      return Optional.empty();
    }
    String[] parts = new String(header.value(), StandardCharsets.UTF_8).split("/");
    try {
      return parts.length == 3
          ? Optional.of(
              new SourcePointer(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2])))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return topic + "/" + partition + "/" + offset;
  }
}
