package io.transfermonitor.streams.fact;

import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The record headers the monitor carries from what it reads onto what it writes: only its own, by
 * name ({@value SourcePointer#HEADER}), and only within {@link #MAX_BYTES}. Kafka Streams copies an
 * input record's headers onto every record forwarded from it, so one small event or operator action
 * with a header near the broker's size limit would otherwise make a record the monitor writes too
 * large to produce, and fail its stream thread on it again and again. Any other header stays on the
 * input record, where a rejection points to it.
 */
public final class HeaderAllowList {

  /** The headers carried by name. */
  public static final Set<String> NAMES = Set.of(SourcePointer.HEADER);

  /** The most bytes of names and values the carried headers may take together. */
  public static final int MAX_BYTES = 4 * 1024;

  private HeaderAllowList() {}

  /** The headers of {@code in} the monitor carries on: named in {@link #NAMES}, within size. */
  public static Headers keep(Headers in) {
    Headers out = new RecordHeaders();
    if (in == null) {
      return out;
    }
    int bytes = 0;
    for (Header h : in) {
      if (!NAMES.contains(h.key())) {
        continue;
      }
      int size = h.key().length() + (h.value() == null ? 0 : h.value().length);
      if (bytes + size <= MAX_BYTES) {
        out.add(h.key(), h.value());
        bytes += size;
      }
    }
    return out;
  }
}
