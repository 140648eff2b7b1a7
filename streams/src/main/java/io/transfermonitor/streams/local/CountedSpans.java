package io.transfermonitor.streams.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of one task's kept events one rule has counted, and the recount requests this task has
 * carried out for it: the value of the {@code counted-spans} store (key = rule id; the key {@value
 * #EVERY_RULE} holds what counts as counted by every rule). One entry per rule and task, written
 * only when the task sees the rule go live or stop, when it recovers, and when it recounts: never
 * per event.
 *
 * <p>A task reads its inputs in order, each one by offset, so a moment of its reading is a
 * position: for each input slot ({@code dedupe.EventSources}), the offset of the last event read.
 * The events read before a position are those at or below its offset in their slot. A rule counted,
 * on this task, exactly the events read while it was live here; a span is such a stretch of
 * reading.
 *
 * @param spans the stretches of this task's reading whose events the rule counted
 * @param done the recount requests this task has carried out for the rule
 */
public record CountedSpans(List<Span> spans, List<String> done) {

  /** The key of the spans that count as counted by every rule (the events before this version). */
  public static final String EVERY_RULE = "*";

  public CountedSpans {
    spans = spans == null ? List.of() : List.copyOf(spans);
    done = done == null ? List.of() : List.copyOf(done);
  }

  static CountedSpans none() {
    return new CountedSpans(List.of(), List.of());
  }

  /**
   * The events read after position {@code after} and, unless {@code upTo} is null (still open), at
   * or before {@code upTo}; and, unless {@code since} is null, first seen at or after it.
   *
   * @param after offsets by slot; a slot missing: from its first event
   * @param upTo offsets by slot; a slot missing: none of its events; null: every later event
   * @param since epoch millis of the earliest first-seen stamp, or null for any
   */
  public record Span(Map<Integer, Long> after, Map<Integer, Long> upTo, Long since) {

    public Span {
      after = after == null ? Map.of() : Map.copyOf(after);
      upTo = upTo == null ? null : Map.copyOf(upTo);
    }

    static Span from(Map<Integer, Long> after) {
      return new Span(after, null, null);
    }

    boolean covers(int slot, long offset, long firstSeen) {
      return offset > after.getOrDefault(slot, -1L)
          && (upTo == null || offset <= upTo.getOrDefault(slot, -1L))
          && (since == null || firstSeen >= since);
    }

    boolean open() {
      return upTo == null;
    }

    /** This span ending at {@code position} at the latest. */
    Span endingBy(Map<Integer, Long> position) {
      Map<Integer, Long> end = new HashMap<>();
      if (upTo == null) {
        end.putAll(position);
      } else {
        upTo.forEach(
            (slot, offset) -> end.put(slot, Math.min(offset, position.getOrDefault(slot, -1L))));
      }
      return new Span(after, end, since);
    }
  }

  /** Whether the event read at {@code offset} of {@code slot}, first seen then, was counted. */
  boolean covers(int slot, long offset, long firstSeen) {
    for (Span span : spans) {
      if (span.covers(slot, offset, firstSeen)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the rule is counting the events read from now on (an open span). */
  boolean counting() {
    return spans.stream().anyMatch(Span::open);
  }

  /**
   * These spans with one more, open, after {@code position}; a span that ended there (the rule live
   * before a restart and after it) goes on instead.
   */
  CountedSpans opened(Map<Integer, Long> position) {
    List<Span> all = new ArrayList<>(spans.size() + 1);
    boolean continued = false;
    for (Span span : spans) {
      if (!continued && span.since() == null && position.equals(span.upTo())) {
        all.add(new Span(span.after(), null, null));
        continued = true;
      } else {
        all.add(span);
      }
    }
    if (!continued) {
      all.add(Span.from(position));
    }
    return new CountedSpans(all, done);
  }

  /** These spans with none counting past {@code position}. */
  CountedSpans endedBy(Map<Integer, Long> position) {
    List<Span> all = new ArrayList<>(spans.size());
    for (Span span : spans) {
      all.add(span.endingBy(position));
    }
    return new CountedSpans(all, done);
  }

  /** These spans with a recount's added: every event up to {@code position} first seen since. */
  CountedSpans recounted(String requestId, Map<Integer, Long> position, Long since) {
    List<Span> all = new ArrayList<>(spans);
    all.add(new Span(Map.of(), position, since));
    Set<String> requests = new LinkedHashSet<>(done);
    requests.add(requestId);
    return new CountedSpans(all, List.copyOf(requests));
  }

  /** Whether this task has carried out {@code requestId}. */
  boolean hasDone(String requestId) {
    return done.contains(requestId);
  }
}
