package io.transfermonitor.schemas.validation;

import io.transfermonitor.model.RejectedEvent;
import java.nio.ByteBuffer;

/**
 * Keeps a {@link RejectedEvent} small enough to be written: a record of about 1 MB (junk, or an
 * event with a huge string) would otherwise make a dead-letter record larger than the producer's
 * {@code max.request.size}, and a rejection that cannot be written stops the application on the
 * very record it meant to set aside. In: a rejected event and a byte budget. Out: the same event
 * when it fits; else one whose reason, ids and field are cut to a sane length and whose raw key and
 * value hold only their start, with their original lengths in {@code rawKeySize} and {@code
 * rawValueSize} and the reason saying where the whole record stays (its source topic, partition and
 * offset, or its file and line).
 */
public final class RejectedEventLimit {

  /**
   * A budget that fits Kafka's default {@code max.request.size} (1 MiB) with room for the record's
   * key, headers and batch overhead.
   */
  public static final int DEFAULT_MAX_BYTES = 1024 * 1024 - 64 * 1024;

  static final int MAX_REASON_CHARS = 8 * 1024;
  static final int MAX_TEXT_CHARS = 1024;
  static final int MAX_KEY_BYTES = 16 * 1024;

  /** Avro framing, the timestamp, the small fields and the schema id, with room to spare. */
  private static final int OVERHEAD = 4 * 1024;

  private RejectedEventLimit() {}

  /**
   * {@code event} cut to fit {@code maxBytes} when written in Avro, keyed by its raw key (which
   * counts twice: as the record's key and in the value).
   */
  public static RejectedEvent fit(RejectedEvent event, int maxBytes) {
    if (estimatedSize(event) <= maxBytes) {
      return event;
    }
    RejectedEvent.Builder cut = RejectedEvent.newBuilder(event);
    cut.setReason(cutText(event.getReason(), MAX_REASON_CHARS));
    cut.setEventId(cutText(event.getEventId(), MAX_TEXT_CHARS));
    cut.setField(cutText(event.getField(), MAX_TEXT_CHARS));
    cut.setSourceFile(cutText(event.getSourceFile(), MAX_TEXT_CHARS));
    cut.setErrorClass(cutText(event.getErrorClass(), MAX_TEXT_CHARS));
    StringBuilder note = new StringBuilder();
    ByteBuffer key = event.getRawKey();
    if (key != null && key.remaining() > MAX_KEY_BYTES) {
      cut.setRawKey(head(key, MAX_KEY_BYTES)).setRawKeySize((long) key.remaining());
      note.append("raw key cut from ").append(key.remaining()).append(" bytes; ");
    }
    RejectedEvent small = cut.build();
    ByteBuffer value = event.getRawValue();
    if (value != null) {
      long room = maxBytes - estimatedSize(small) + value.remaining() - 2 * MAX_REASON_CHARS;
      if (value.remaining() > room) {
        int keep = (int) Math.max(0, room);
        small.setRawValue(head(value, keep));
        small.setRawValueSize((long) value.remaining());
        note.append("raw value cut from ")
            .append(value.remaining())
            .append(" to ")
            .append(keep)
            .append(" bytes; ");
      }
    }
    if (note.length() > 0) {
      note.append("the whole record is at ").append(whereFrom(event));
      small.setReason(small.getReason() + " [" + note + "]");
    }
    return small;
  }

  /** An upper bound of the event's size in Avro, plus its raw key once more as record key. */
  static long estimatedSize(RejectedEvent e) {
    return OVERHEAD
        + textBytes(e.getReason())
        + textBytes(e.getEventId())
        + textBytes(e.getField())
        + textBytes(e.getSourceTopic())
        + textBytes(e.getSourceFile())
        + textBytes(e.getErrorClass())
        + 2L * length(e.getRawKey())
        + length(e.getRawValue());
  }

  private static String whereFrom(RejectedEvent e) {
    if (e.getSourceTopic() != null) {
      return e.getSourceTopic() + "-" + e.getSourcePartition() + "@" + e.getSourceOffset();
    }
    if (e.getSourceFile() != null) {
      return e.getSourceFile() + ":" + e.getSourceLine();
    }
    return "its source (not known)";
  }

  private static long textBytes(String s) {
    return s == null ? 0 : 3L * s.length();
  }

  private static long length(ByteBuffer b) {
    return b == null ? 0 : b.remaining();
  }

  private static String cutText(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, max) + "... (" + s.length() + " characters)";
  }

  private static ByteBuffer head(ByteBuffer b, int n) {
    ByteBuffer copy = b.duplicate();
    copy.limit(copy.position() + Math.min(n, copy.remaining()));
    return copy.slice();
  }
}
