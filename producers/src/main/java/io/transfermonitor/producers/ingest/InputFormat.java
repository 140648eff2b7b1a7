package io.transfermonitor.producers.ingest;

import java.util.Locale;

/** The formats ingest reads: CSV through a mapping, or JSON Lines in the event format. */
public enum InputFormat {
  CSV,
  JSONL;

  /** The format a file name suggests: {@code .jsonl}, {@code .ndjson}, {@code .json} or CSV. */
  public static InputFormat byName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
      return JSONL;
    }
    return CSV;
  }
}
