package io.transfermonitor.streams.dedupe;

import java.util.List;

/**
 * The inputs of the tasks that read the events, in a fixed order, so an entry of the {@code events}
 * store can say where its event was read from in a few bytes: the six event topics by kind, then
 * the repartition topic that brings the events producers keyed otherwise than by event id.
 *
 * @param topics full topic names, by slot
 */
public record EventSources(List<String> topics) {

  public EventSources {
    topics = List.copyOf(topics);
  }

  /** No inputs known: every event's slot is -1. */
  public static EventSources unknown() {
    return new EventSources(List.of());
  }

  /** The slot of {@code topic}, or -1 when it is not one of the inputs. */
  public int slotOf(String topic) {
    if (topic == null) {
      return -1;
    }
    for (int i = 0; i < topics.size(); i++) {
      if (topics.get(i).equals(topic) || topic.endsWith("-" + topics.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
