package io.transfermonitor.producers.ais;

/** Why an AIS line, message or CSV row gave no record; each reason is counted in the summary. */
public enum RejectReason {
  NOT_AIS("not an AIS sentence: a comment, another NMEA sentence or stray text"),
  MALFORMED_SENTENCE("an AIS sentence whose fields do not parse"),
  BAD_CHECKSUM("the sentence's checksum does not match its text"),
  BAD_TAG_BLOCK("the NMEA 4.0 tag block does not parse or its checksum does not match"),
  MISSING_FRAGMENT("a part of a multi-sentence message whose other parts never came"),
  BAD_BIT_COUNT("the payload is longer or shorter than its message type allows"),
  UNSUPPORTED_TYPE("a message type that carries no vessel position or voyage data"),
  NOT_A_VESSEL("a base station's own position (type 4): a fixed shore station, not a vessel"),
  NO_POSITION("the position is marked not available (latitude 91 or longitude 181) or missing"),
  OUT_OF_RANGE("a value outside what the message can mean (latitude, longitude, course, time)"),
  BAD_VALUE("a CSV value that does not parse as its field's type");

  private final String meaning;

  RejectReason(String meaning) {
    this.meaning = meaning;
  }

  /** What the reason means, for reports and help text. */
  public String meaning() {
    return meaning;
  }
}
