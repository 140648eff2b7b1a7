package io.transfermonitor.streams.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The references of a ledger's last event as a ledger carries them (and the level alert it raises
 * cites them): the first ones, up to {@link #MAX_ITEMS} and {@link #MAX_CHARS} characters, and a
 * last item saying how many were left out. A ledger partial travels in JSON with those of every
 * ledger of its rule a task touched; an event's own references may take hundreds of kilobytes, and
 * two or three such events in one batch would make it too large to write.
 */
final class CitedReferences {

  static final int MAX_ITEMS = 100;
  static final int MAX_CHARS = 16 * 1024;

  private CitedReferences() {}

  static List<String> of(List<String> references) {
    if (references == null || references.isEmpty()) {
      return List.of();
    }
    List<String> kept = new ArrayList<>();
    long chars = 0;
    for (String reference : references) {
      int length = reference == null ? 0 : reference.length();
      if (kept.size() == MAX_ITEMS || chars + length > MAX_CHARS) {
        break;
      }
      kept.add(reference);
      chars += length;
    }
    if (kept.size() == references.size()) {
      return references;
    }
    kept.add(
        "... "
            + (references.size() - kept.size())
            + " more references of the event not shown here");
    return kept;
  }
}
