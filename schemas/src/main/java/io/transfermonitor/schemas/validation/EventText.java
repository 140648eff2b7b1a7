package io.transfermonitor.schemas.validation;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * How much an event record carries: the UTF-8 bytes of all its strings (nested records, arrays,
 * maps and unions included) and the field holding the most, the array with the most items, and an
 * upper bound of its size in Avro's binary encoding. Walks the record by its schema, so fields
 * added to a schema later are counted without a change here.
 *
 * @param totalBytes UTF-8 bytes of every string of the record
 * @param largestField dotted path of the string with the most bytes (arrays as {@code name[i]}), or
 *     null when there is no text
 * @param largestBytes its UTF-8 bytes
 * @param longestArray dotted path of the array or map with the most items, or null when it has none
 * @param longestItems how many items it holds
 * @param encodedBytes the record's size in Avro's binary encoding, estimated from above: every
 *     length, count and number at its widest, and every string as wide as JSON escapes it
 */
record EventText(
    long totalBytes,
    String largestField,
    long largestBytes,
    String longestArray,
    long longestItems,
    long encodedBytes) {

  /** The widest a length, a count, a union branch, an enum or a number takes in Avro. */
  private static final int WIDEST_SCALAR = 10;

  /** What weighs most in {@link #encodedBytes}: the largest text, or the longest array. */
  String heaviestPart() {
    return longestItems * WIDEST_SCALAR > largestBytes ? longestArray : largestField;
  }

  static EventText of(IndexedRecord record) {
    Walk walk = new Walk();
    walk.record("", record);
    return new EventText(
        walk.total, walk.largest, walk.largestBytes, walk.longest, walk.longestItems, walk.encoded);
  }

  /**
   * The UTF-8 bytes of {@code s} without encoding it ({@code [0]}), and the bytes it gains when the
   * monitor writes it as JSON, as some of its internal records are ({@code [1]}): a quote or
   * backslash doubles, a control character becomes six (backslash, u, four hex digits). The second
   * is counted in {@link #encodedBytes}, so that 500 KB of control characters cannot become 3 MB
   * there. One pass over the characters for both.
   */
  static void measure(CharSequence s, long[] out) {
    long bytes = 0;
    long extra = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
        if (c < 0x20) {
          extra += 5;
        } else if (c == '"' || c == '\\') {
          extra += 1;
        }
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    out[0] = bytes;
    out[1] = extra;
  }

  /**
   * The walk keeps the path of the value in hand as parts (names, and array indexes as numbers),
   * and joins them only for a string that becomes the largest or an array that becomes the longest:
   * most values never need their path.
   */
  private static final class Walk {
    final ArrayDeque<Object> path = new ArrayDeque<>();
    final long[] measured = new long[2];
    long total;
    String largest;
    long largestBytes;
    String longest;
    long longestItems;
    long encoded;

    void record(String prefix, IndexedRecord record) {
      path.addLast(prefix);
      for (Schema.Field f : record.getSchema().getFields()) {
        Object value = record.get(f.pos());
        // a union's branch index, or the field itself when it is a number, boolean or enum
        encoded += WIDEST_SCALAR;
        if (value != null) {
          path.addLast(f.name());
          value(value);
          path.removeLast();
        }
      }
      path.removeLast();
    }

    void value(Object value) {
      if (value instanceof CharSequence text) {
        measure(text, measured);
        long bytes = measured[0];
        total += bytes;
        encoded += WIDEST_SCALAR + bytes + measured[1];
        if (bytes > largestBytes) {
          largestBytes = bytes;
          largest = joined();
        }
      } else if (value instanceof IndexedRecord nested) {
        record(".", nested);
      } else if (value instanceof Collection<?> items) {
        items(items.size());
        int i = 0;
        for (Object item : items) {
          path.addLast(i++);
          value(item);
          path.removeLast();
        }
      } else if (value instanceof Map<?, ?> map) {
        items(map.size());
        map.forEach(
            (k, v) -> {
              path.addLast("{key}");
              value(k);
              path.removeLast();
              path.addLast("{value}");
              value(v);
              path.removeLast();
            });
      } else if (value instanceof ByteBuffer b) {
        encoded += WIDEST_SCALAR + b.remaining();
      } else {
        // a number, boolean, enum or logical type, counted again when it is an array's item
        encoded += WIDEST_SCALAR;
      }
    }

    /** An array or map of {@code n} items: its block counts, and the longest seen so far. */
    void items(int n) {
      encoded += 2L * WIDEST_SCALAR;
      if (n > longestItems) {
        longestItems = n;
        longest = joined();
      }
    }

    /** The path of the value in hand, {@code header.references[3]}. */
    String joined() {
      StringBuilder out = new StringBuilder();
      for (Object part : path) {
        if (part instanceof Integer index) {
          out.append('[').append(index).append(']');
        } else {
          out.append(part);
        }
      }
      return out.toString();
    }
  }
}
