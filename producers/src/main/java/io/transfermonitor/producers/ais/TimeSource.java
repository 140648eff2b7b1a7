package io.transfermonitor.producers.ais;

/**
 * Where a decoded record's time came from, best first: AIS messages carry no date of their own, so
 * the receiver's clock is the only time there is.
 */
public enum TimeSource {
  /** The {@code c:} field of an NMEA 4.0 tag block (receive time, seconds or milliseconds). */
  TAG_BLOCK,
  /** A timestamp leading the line, as some receivers log ({@code 2021-01-01T00:00:00Z !AIVDM}). */
  LINE_TIMESTAMP,
  /** The Gatehouse {@code $PGHP,1,...} sentence just before the AIS sentence. */
  PGHP,
  /** None of those: the time the caller gives (the file's read time). */
  READ_TIME,
  /** The time column of a CSV row. */
  CSV_COLUMN
}
