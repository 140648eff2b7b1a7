package io.transfermonitor.producers.designations;

import io.transfermonitor.model.Designation;
import io.transfermonitor.producers.ReferenceWrites;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Publishes a load of designations to the compacted designations topic, key = reference number,
 * value = {@link Designation} in the Confluent wire format, and only what changed: the topic is
 * read back first ({@link DesignationTopic}), new and changed designations are written, unchanged
 * ones are not, and a designation of the same list ({@code source}, {@link ListScope}) that the
 * load no longer holds gets a tombstone (delisted); another list's designations are never touched.
 * Loading the same file twice publishes nothing the second time. Waits for every write to be
 * acknowledged.
 */
public final class DesignationPublisher {

  private static final Duration READ_BACK = Duration.ofSeconds(60);

  private DesignationPublisher() {}

  /**
   * Publishes {@code designations} to {@code topic}.
   *
   * @param clientProps client properties: {@code bootstrap.servers} and {@code schema.registry.url}
   *     at least
   * @throws IllegalStateException naming the designation when a write is not acknowledged
   */
  public static PublishSummary publish(
      Map<String, Object> clientProps, String topic, Collection<Designation> designations) {
    return publish(clientProps, topic, designations, ListScope.of(designations));
  }

  /**
   * Publishes {@code designations} to {@code topic}; a held designation {@code scope} covers that
   * the load does not hold is delisted, any other is left as it is.
   *
   * @throws IllegalStateException naming the designation when a write is not acknowledged
   */
  public static PublishSummary publish(
      Map<String, Object> clientProps,
      String topic,
      Collection<Designation> designations,
      ListScope scope) {
    Map<String, Designation> held = DesignationTopic.read(clientProps, topic, READ_BACK);
    Map<String, Designation> writes = new LinkedHashMap<>();
    int added = 0;
    int changed = 0;
    for (Designation designation : designations) {
      Designation before = held.get(designation.getDesignationId());
      if (before == null) {
        added++;
      } else if (before.equals(designation)) {
        continue;
      } else {
        changed++;
      }
      writes.put(designation.getDesignationId(), designation);
    }
    List<String> removed = removed(held, designations, scope);
    removed.forEach(id -> writes.put(id, null));
    if (!writes.isEmpty()) {
      Map<String, Object> props = new HashMap<>(clientProps);
      props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "transfer-monitor-designations");
      ReferenceWrites.write(props, topic, writes, "designation");
    }
    int unchanged = designations.size() - added - changed;
    return new PublishSummary(added, changed, removed.size(), unchanged, removed);
  }

  /** Held designations of the loaded lists that the load does not have. */
  private static List<String> removed(
      Map<String, Designation> held, Collection<Designation> designations, ListScope scope) {
    Set<String> loaded =
        designations.stream().map(Designation::getDesignationId).collect(Collectors.toSet());
    List<String> removed = new ArrayList<>();
    held.forEach(
        (id, designation) -> {
          if (!loaded.contains(id)
              && designation.getSource() != null
              && scope.covers(designation.getSource())) {
            removed.add(id);
          }
        });
    return removed;
  }
}
