package io.transfermonitor.streams.screen;

import io.transfermonitor.model.Designation;
import io.transfermonitor.model.MatchMethod;

/**
 * The best way one name or party matched one designation.
 *
 * @param designation the designation matched
 * @param method IDENTIFIER, NAME, ALIAS, WEAK_ALIAS or FUZZY
 * @param score 0..1; identifiers and equal names 1
 * @param matchedOn what matched, as listed: the name, the alias, or the identifier ({@code IMO
 *     5434358})
 * @param explanation how the name's parts matched those listed ({@code kim, j~jong (initial), pak;
 *     only listed: sik}); empty for an identifier
 */
public record DesignationMatch(
    Designation designation,
    MatchMethod method,
    double score,
    String matchedOn,
    String explanation) {

  /** A match that needs no explanation: by identifier, or equal names. */
  public DesignationMatch(
      Designation designation, MatchMethod method, double score, String matchedOn) {
    this(designation, method, score, matchedOn, "");
  }

  /** The designation's reference number. */
  public String designationId() {
    return designation.getDesignationId();
  }
}
