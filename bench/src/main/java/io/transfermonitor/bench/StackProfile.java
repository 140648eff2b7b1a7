package io.transfermonitor.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where sampled threads spent their time, frame by frame. In: stack samples, each a list of frame
 * names (e.g. {@code io.transfermonitor.streams.ledger.LedgerProcessor.process}), the running frame
 * first. Out: per frame its self samples (the frame was running) and its inclusive samples (the
 * frame was on the stack), as shares of all samples. A frame that recurs in one stack counts once
 * for that sample, so no share exceeds 100 %.
 */
public final class StackProfile {

  private final Map<String, Long> self = new HashMap<>();
  private final Map<String, Long> inclusive = new HashMap<>();
  private long samples;

  /** A frame and its share of the samples. */
  public record FrameShare(String frame, long samples, double percent) {}

  /** The profile of {@code stacks}. */
  public static StackProfile of(Collection<List<String>> stacks) {
    StackProfile profile = new StackProfile();
    stacks.forEach(profile::add);
    return profile;
  }

  /** Counts one sample whose stack is {@code frames}, the running frame first. */
  public void add(List<String> frames) {
    samples++;
    if (frames.isEmpty()) {
      return;
    }
    self.merge(frames.get(0), 1L, Long::sum);
    Set<String> once = new HashSet<>(frames);
    once.forEach(frame -> inclusive.merge(frame, 1L, Long::sum));
  }

  /** Samples counted. */
  public long samples() {
    return samples;
  }

  /** The {@code top} frames by self samples, most first. */
  public List<FrameShare> topSelf(int top) {
    return top(self, top);
  }

  /** The {@code top} frames by inclusive samples, most first. */
  public List<FrameShare> topInclusive(int top) {
    return top(inclusive, top);
  }

  /** Two lists of the {@code top} frames, by self and by inclusive samples, one frame a line. */
  public List<String> lines(int top) {
    List<String> out = new ArrayList<>();
    out.add(f("  top %d frames by self samples (running)", top));
    topSelf(top).forEach(s -> out.add(line(s)));
    out.add(f("  top %d frames by inclusive samples (on the stack, once per sample)", top));
    topInclusive(top).forEach(s -> out.add(line(s)));
    return out;
  }

  private List<FrameShare> top(Map<String, Long> counts, int top) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(top)
        .map(e -> new FrameShare(e.getKey(), e.getValue(), 100.0 * e.getValue() / samples))
        .toList();
  }

  private static String line(FrameShare share) {
    return f("  %5.1f %%  %s", share.percent(), share.frame());
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
