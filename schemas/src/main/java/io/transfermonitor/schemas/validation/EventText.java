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
 * <p>The paths of the largest string and the longest array are only needed when an event is
 * refused, so the walk keeps where they were met (their rank among the strings, or the arrays and
 * maps, in the walk's order) and a second walk names them only when asked.
 *
 * @param totalBytes UTF-8 bytes of every string of the record
 * @param largestBytes UTF-8 bytes of the string with the most
 * @param longestItems how many items the array or map with the most holds
 * @param encodedBytes the record's size in Avro's binary encoding, estimated from above: every
 *     length, count and number at its widest, and every string as wide as JSON escapes it
 * @param record the record walked
 * @param largestRank rank of the string with the most bytes among the record's strings, -1 when
 *     there is no text
 * @param longestRank rank of the array or map with the most items among its arrays and maps, -1
 *     when it has none
 */
record EventText(
    long totalBytes,
    long largestBytes,
    long longestItems,
    long encodedBytes,
    IndexedRecord record,
    int largestRank,
    int longestRank) {

  /** The widest a length, a count, a union branch, an enum or a number takes in Avro. */
  private static final int WIDEST_SCALAR = 10;

  /** What weighs most in {@link #encodedBytes}: the largest text, or the longest array. */
  String heaviestPart() {
    return longestItems * WIDEST_SCALAR > largestBytes ? longestArray() : largestField();
  }

  /** Dotted path of the string with the most bytes (arrays as {@code name[i]}), or null. */
  String largestField() {
    return largestRank < 0 ? null : new Walk(largestRank, -1).named(record);
  }

  /** Dotted path of the array or map with the most items, or null. */
  String longestArray() {
    return longestRank < 0 ? null : new Walk(-1, longestRank).named(record);
  }

  static EventText of(IndexedRecord record) {
    Walk walk = new Walk(-1, -1);
    walk.record("", record);
    return new EventText(
        walk.total,
        walk.largestBytes,
        walk.longestItems,
        walk.encoded,
        record,
        walk.largestRank,
        walk.longestRank);
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
   * One walk over a record. The first counts and ranks; the second, given the rank of a string or
   * of an array to name, keeps the path of the value in hand as parts (names, and array indexes as
   * numbers) and joins them when it reaches that value.
   */
  private static final class Walk {
    final int nameString;
    final int nameArray;
    final ArrayDeque<Object> path = new ArrayDeque<>();
    final long[] measured = new long[2];
    long total;
    long largestBytes;
    int largestRank = -1;
    long longestItems;
    int longestRank = -1;
    long encoded;
    int strings;
    int arrays;
    String name;

    Walk(int nameString, int nameArray) {
      this.nameString = nameString;
      this.nameArray = nameArray;
    }

    boolean naming() {
      return nameString >= 0 || nameArray >= 0;
    }

    String named(IndexedRecord record) {
      record("", record);
      return name;
    }

    void record(String prefix, IndexedRecord record) {
      boolean naming = naming();
      if (naming) {
        path.addLast(prefix);
      }
      for (Schema.Field f : record.getSchema().getFields()) {
        Object value = record.get(f.pos());
        // a union's branch index, or the field itself when it is a number, boolean or enum
        encoded += WIDEST_SCALAR;
        if (value != null) {
          if (naming) {
            path.addLast(f.name());
          }
          value(value);
          if (naming) {
            path.removeLast();
          }
        }
      }
      if (naming) {
        path.removeLast();
      }
    }

    void value(Object value) {
      if (value instanceof CharSequence text) {
        int rank = strings++;
        if (rank == nameString) {
          name = joined();
        }
        measure(text, measured);
        long bytes = measured[0];
        total += bytes;
        encoded += WIDEST_SCALAR + bytes + measured[1];
        if (bytes > largestBytes) {
          largestBytes = bytes;
          largestRank = rank;
        }
      } else if (value instanceof IndexedRecord nested) {
        record(".", nested);
      } else if (value instanceof Collection<?> items) {
        items(items.size());
        int i = 0;
        boolean naming = naming();
        for (Object item : items) {
          if (naming) {
            path.addLast(i);
          }
          i++;
          value(item);
          if (naming) {
            path.removeLast();
          }
        }
      } else if (value instanceof Map<?, ?> map) {
        items(map.size());
        boolean naming = naming();
        map.forEach(
            (k, v) -> {
              if (naming) {
                path.addLast("{key}");
              }
              value(k);
              if (naming) {
                path.removeLast();
                path.addLast("{value}");
              }
              value(v);
              if (naming) {
                path.removeLast();
              }
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
      int rank = arrays++;
      if (rank == nameArray) {
        name = joined();
      }
      encoded += 2L * WIDEST_SCALAR;
      if (n > longestItems) {
        longestItems = n;
        longestRank = rank;
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
