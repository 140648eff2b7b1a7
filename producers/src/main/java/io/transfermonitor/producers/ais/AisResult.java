package io.transfermonitor.producers.ais;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** What one AIS message or CSV row became: a record, or a rejection with its reason. */
public sealed interface AisResult {

  /**
   * A decoded {@code VesselPosition} or {@code VesselVoyage}. A type 19 or 21 message and a CSV row
   * with static fields give two.
   *
   * @param lines the input lines the message came from (one per fragment)
   * @param record the record to publish
   * @param timeSource where its time came from
   */
  record Decoded(List<Long> lines, SpecificRecord record, TimeSource timeSource)
      implements AisResult {
    public Decoded {
      lines = List.copyOf(lines);
    }
  }

  /**
   * A line (or a fragment's line) that gave no record.
   *
   * @param line the line number, 1-based
   * @param text the line as read
   * @param reason why, one of a fixed set that the summary counts
   * @param detail the particulars: the field, the value, the expected count
   */
  record Rejected(long line, String text, RejectReason reason, String detail)
      implements AisResult {}
}
