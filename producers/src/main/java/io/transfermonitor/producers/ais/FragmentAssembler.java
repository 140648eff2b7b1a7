package io.transfermonitor.producers.ais;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Joins the sentences of multi-sentence messages by their group (sequence id, channel and count).
 * Receivers interleave other traffic between the parts, so a part waits; a part whose siblings do
 * not all come within {@code maxLines} lines and {@code maxTime} of it is given up and reported as
 * {@link RejectReason#MISSING_FRAGMENT}, as is a group that restarts (a second part 1) before it is
 * whole and any group still open at the end of the input.
 */
final class FragmentAssembler {

  private final int maxLines;
  private final Duration maxTime;
  private final Map<String, Fragment[]> open = new LinkedHashMap<>();

  FragmentAssembler(int maxLines, Duration maxTime) {
    this.maxLines = maxLines;
    this.maxTime = maxTime;
  }

  /**
   * Takes one sentence; returns the message's sentences in order once the last one came, else an
   * empty list. Parts given up on the way go to {@code rejected}.
   */
  List<Fragment> add(Fragment fragment, Consumer<AisResult.Rejected> rejected) {
    expire(fragment, rejected);
    if (fragment.count() == 1) {
      return List.of(fragment);
    }
    Fragment[] parts = open.get(fragment.group());
    if (parts != null && parts[fragment.number() - 1] != null) {
      open.remove(fragment.group());
      giveUp(parts, "its group restarted before the message was whole", rejected);
      parts = null;
    }
    if (parts == null) {
      parts = new Fragment[fragment.count()];
      open.put(fragment.group(), parts);
    }
    parts[fragment.number() - 1] = fragment;
    for (Fragment part : parts) {
      if (part == null) {
        return List.of();
      }
    }
    open.remove(fragment.group());
    return List.of(parts);
  }

  /** Gives up every group still open: the input ended. */
  void finish(Consumer<AisResult.Rejected> rejected) {
    List<Fragment[]> left = new ArrayList<>(open.values());
    open.clear();
    left.forEach(parts -> giveUp(parts, "the input ended before the message was whole", rejected));
  }

  private void expire(Fragment now, Consumer<AisResult.Rejected> rejected) {
    for (Iterator<Fragment[]> it = open.values().iterator(); it.hasNext(); ) {
      Fragment[] parts = it.next();
      Fragment first = first(parts);
      boolean tooManyLines = now.line() - first.line() > maxLines;
      // times of different kinds (a tag block's and the read time) do not compare
      boolean tooLate =
          first.timeSource() == now.timeSource()
              && Duration.between(first.time(), now.time()).compareTo(maxTime) > 0;
      if (tooManyLines || tooLate) {
        it.remove();
        giveUp(
            parts,
            "the other parts did not come within " + maxLines + " lines and " + maxTime,
            rejected);
      }
    }
  }

  private static Fragment first(Fragment[] parts) {
    for (Fragment part : parts) {
      if (part != null) {
        return part;
      }
    }
    throw new IllegalStateException("an open group holds at least one part");
  }

  private static void giveUp(Fragment[] parts, String why, Consumer<AisResult.Rejected> rejected) {
    for (Fragment part : parts) {
      if (part != null) {
        rejected.accept(
            new AisResult.Rejected(
                part.line(),
                part.text(),
                RejectReason.MISSING_FRAGMENT,
                "part " + part.number() + " of " + part.count() + ": " + why));
      }
    }
  }
}
