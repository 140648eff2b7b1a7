package io.transfermonitor.schemas.serde;

/**
 * TopicNameStrategy: the subject of a topic's values is {@code <topic>-value}, of keys {@code
 * <topic>-key}.
 */
public final class SubjectNames {

  private SubjectNames() {}

  public static String of(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }
}
