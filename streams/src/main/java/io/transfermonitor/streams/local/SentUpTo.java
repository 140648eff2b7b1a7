package io.transfermonitor.streams.local;

import java.util.HashMap;
import java.util.Map;

/**
 * How far a task had read each of its inputs when it last sent its partial totals: the offset of
 * the last event counted in them, by input slot ({@code dedupe.EventSources}). An event of the
 * {@code events} store read after that was counted in totals not sent yet.
 *
 * @param offsets last offset counted, by slot
 */
public record SentUpTo(Map<Integer, Long> offsets) {

  public SentUpTo {
    offsets = Map.copyOf(offsets);
  }

  static SentUpTo nothing() {
    return new SentUpTo(Map.of());
  }

  /** Whether the event at {@code offset} of {@code slot} was counted in totals already sent. */
  boolean covers(int slot, long offset) {
    Long last = offsets.get(slot);
    return last != null && offset <= last;
  }

  /** These offsets with {@code more} taking their place where later. */
  SentUpTo with(Map<Integer, Long> more) {
    Map<Integer, Long> all = new HashMap<>(offsets);
    more.forEach((slot, offset) -> all.merge(slot, offset, Math::max));
    return new SentUpTo(all);
  }
}
