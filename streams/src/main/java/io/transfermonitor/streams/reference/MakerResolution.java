package io.transfermonitor.streams.reference;

/**
 * Who made a component, as the monitor files it: the maker and its country after the makers table,
 * and what decided them.
 *
 * @param maker the canonical maker (the finding's own name when the table has no entry)
 * @param country the maker's country: the table's when its entry gives one, else the finding's
 * @param asReported the maker as the finding names it, when the table filed it under another name;
 *     else null
 * @param resolvedBy {@code finding} when no entry of the table matched, else {@code makers table
 *     <name>}
 */
public record MakerResolution(String maker, String country, String asReported, String resolvedBy) {

  /** What a finding with no entry in the makers table says of itself. */
  public static final String FINDING = "finding";

  /** Whether an entry of the makers table decided. */
  public boolean byTable() {
    return !FINDING.equals(resolvedBy);
  }
}
