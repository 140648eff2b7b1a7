package io.transfermonitor.streams.cases;

import io.transfermonitor.model.Case;

/**
 * A copy of a case that shares its values. The case stage replaces a case's lists and nested
 * records when it changes them and never changes them in place, so a copy need not copy them:
 * {@code Case.newBuilder(state)} deep-copies every history entry, alert id and source, on every
 * alert a case files.
 */
final class CaseCopy {

  private static final int FIELDS = Case.getClassSchema().getFields().size();

  private CaseCopy() {}

  /** A new case with the same values as {@code state}, which is left as it was. */
  static Case of(Case state) {
    Case copy = new Case();
    for (int i = 0; i < FIELDS; i++) {
      copy.put(i, state.get(i));
    }
    return copy;
  }
}
