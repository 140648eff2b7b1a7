package io.transfermonitor.streams.app;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.errors.StreamsException;

/**
 * Tells a stream thread failing again on the record it failed on last time from a failure that
 * passes: Kafka Streams replaces a failed thread, which resumes from the last commit and, on a
 * record it cannot get past, fails the same way again, for ever. In: each failure of a stream
 * thread. Out: where it happened, once it has happened twice in a row at the same place (the same
 * task, and the same input record when Kafka Streams names it, else the same error).
 */
final class RepeatedFailures {

  private static final Pattern RECORD =
      Pattern.compile("topic=([^,\\s]+), partition=(\\d+), offset=(-?\\d+)");

  /**
   * Where a stream thread failed.
   *
   * @param task the task, or "unknown"
   * @param topic the input record's topic, when named
   * @param partition its partition, when named
   * @param offset its offset, when named
   * @param error the first line of the error, the input record's place left out
   */
  record Where(String task, String topic, Integer partition, Long offset, String error) {

    static Where of(Throwable failure) {
      String task = "unknown";
      for (Throwable t = failure; t != null; t = t.getCause()) {
        if (t instanceof StreamsException s && s.taskId().isPresent()) {
          task = s.taskId().get().toString();
          break;
        }
      }
      for (Throwable t = failure; t != null; t = t.getCause()) {
        Matcher m = t.getMessage() == null ? null : RECORD.matcher(t.getMessage());
        if (m != null && m.find()) {
          return new Where(
              task,
              m.group(1),
              Integer.parseInt(m.group(2)),
              Long.parseLong(m.group(3)),
              rootCause(failure));
        }
      }
      return new Where(task, null, null, null, rootCause(failure));
    }

    /** The input record as {@code topic-partition@offset}, or the task when it is not named. */
    String place() {
      return topic == null ? "task " + task : topic + "-" + partition + "@" + offset;
    }

    private static String rootCause(Throwable failure) {
      Throwable root = failure;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String message =
          root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
      return root.getClass().getName() + ": " + message;
    }
  }

  private Where last;
  private int times;

  /**
   * Counts {@code failure}; the place it happened when this is the second failure in a row there,
   * and every one after.
   */
  synchronized Optional<Where> failed(Throwable failure) {
    Where where = Where.of(failure);
    if (where.equals(last)) {
      times++;
    } else {
      last = where;
      times = 1;
    }
    return times >= 2 ? Optional.of(where) : Optional.empty();
  }

  /** How many times in a row the last failure's place has failed. */
  synchronized int times() {
    return times;
  }
}
