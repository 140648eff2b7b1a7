package io.transfermonitor.cli;

import io.transfermonitor.model.MakerRecord;
import io.transfermonitor.model.PriorityListEntry;
import io.transfermonitor.producers.components.ComponentReferenceTopics;
import io.transfermonitor.producers.components.MakersCsv;
import io.transfermonitor.producers.components.PriorityListCsv;
import io.transfermonitor.producers.components.ReferenceContents;
import io.transfermonitor.schemas.Topics;
import java.io.IOException;
import java.util.Map;

/**
 * The reference data of the demo's component findings, published as {@code chpl load} and {@code
 * makers load} publish them: the committed copy of the Common High Priority List ({@code
 * components/common-high-priority-list.csv}) and the demo's makers table ({@code
 * components/demo-makers.csv}), both resources of the producers jar.
 *
 * @param list the priority list as read, with its name and date
 * @param makers the makers table as read
 */
record DemoReferences(
    ReferenceContents<PriorityListEntry> list, ReferenceContents<MakerRecord> makers) {

  /**
   * Publishes both to their topics.
   *
   * @throws IllegalStateException when a row of either is rejected or a record not acknowledged:
   *     the files are the project's own, so either is a bug
   */
  static DemoReferences publish(Map<String, Object> clientProps, Topics topics) throws IOException {
    DemoReferences references = new DemoReferences(PriorityListCsv.bundled(), MakersCsv.demo());
    references.check(references.list());
    references.check(references.makers());
    ComponentReferenceTopics.publishPriorityList(
        clientProps, topics.chpl(), references.list().records());
    ComponentReferenceTopics.publishMakers(
        clientProps, topics.makers(), references.makers().records());
    return references;
  }

  /** E.g. {@code 9 HS codes of the Common High Priority List (...) of 2024-02-23 and 4 makers}. */
  String describe() {
    PriorityListEntry first = list.records().get(0);
    return list.records().size()
        + " HS codes of the "
        + first.getList()
        + (first.getListDate() == null ? "" : " of " + first.getListDate())
        + " and "
        + makers.records().size()
        + " makers (the demo's table)";
  }

  private void check(ReferenceContents<?> contents) {
    if (!contents.problems().isEmpty() || contents.records().isEmpty()) {
      throw new IllegalStateException(
          contents.file() + ": " + contents.problems().size() + " rows rejected: " + contents);
    }
  }
}
