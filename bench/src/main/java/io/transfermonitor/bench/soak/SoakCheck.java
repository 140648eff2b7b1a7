package io.transfermonitor.bench.soak;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the soak's outputs hold, read from the start to the last committed offset with a
 * read_committed consumer, against the {@link SoakOracle}: alerts missing, alerts doubled (by id,
 * and by content under another id), ledger totals, good events on the rejected topic.
 */
final class SoakCheck {

  private final Map<String, Object> client;
  private final SchemaRegistryClient registry;
  private final Topics topics;

  SoakCheck(Map<String, Object> client, SchemaRegistryClient registry, Topics topics) {
    this.client = client;
    this.registry = registry;
    this.topics = topics;
  }

  /**
   * @param expected alert ids the oracle calls for
   * @param seen alert ids of the modelled rules seen, with how often
   * @param otherRules alerts of rules the oracle does not model, by rule
   * @param contentDuplicates alerts that repeat another's content under another id
   * @param totalsDiffering ledgers whose total is not the oracle's: key to "seen vs expected"
   * @param goodRejected good event ids found on the rejected topic
   * @param rejected everything on the rejected topic
   */
  record Outcome(
      Set<String> expected,
      Map<String, Integer> seen,
      Map<String, Integer> otherRules,
      List<String> contentDuplicates,
      Map<String, String> totalsDiffering,
      Set<String> goodRejected,
      List<ConsumerRecord<String, RejectedEvent>> rejected) {

    long missing() {
      return expected.stream().filter(id -> !seen.containsKey(id)).count();
    }

    /** Alerts seen more than once, by id or by content, and alerts no input calls for. */
    long duplicated() {
      long byId = seen.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
      long unexpected = seen.keySet().stream().filter(id -> !expected.contains(id)).count();
      return byId + unexpected + contentDuplicates.size();
    }

    long seenCount() {
      return seen.values().stream().mapToLong(Integer::longValue).sum();
    }

    boolean totalsExact() {
      return totalsDiffering.isEmpty();
    }
  }

  Outcome check(SoakOracle oracle) {
    Map<String, Integer> seen = new TreeMap<>();
    Map<String, Integer> other = new TreeMap<>();
    Map<String, String> contentToId = new HashMap<>();
    List<String> contentDuplicates = new ArrayList<>();
    readAll(
        topics.alerts(),
        Alert.class,
        r -> {
          Alert a = r.value();
          if (!SoakOracle.MODELLED.contains(a.getRuleId())) {
            other.merge(a.getRuleId(), 1, Integer::sum);
            return;
          }
          seen.merge(r.key(), 1, Integer::sum);
          String content =
              a.getRuleId()
                  + "|"
                  + a.getLevel()
                  + "|"
                  + a.getPeriodStart()
                  + "|"
                  + a.getBasis()
                  + "|"
                  + (a.getLevel() == null ? a.getTriggeringEventIds() : "");
          String earlier = contentToId.putIfAbsent(content, a.getAlertId());
          if (earlier != null && !earlier.equals(a.getAlertId())) {
            contentDuplicates.add(a.getAlertId() + " repeats " + earlier);
          }
        });
    Map<String, Double> totals = new TreeMap<>();
    readAll(topics.capUsage(), CapUsage.class, r -> totals.put(r.key(), r.value().getTotal()));
    Map<String, String> differing = new TreeMap<>();
    Set<String> keys = new TreeSet<>(oracle.capTotals().keySet());
    keys.addAll(totals.keySet());
    for (String key : keys) {
      Double want = oracle.capTotals().get(key);
      Double got = totals.get(key);
      if (want == null || !want.equals(got)) {
        differing.put(key, got + " vs " + want);
      }
    }
    List<ConsumerRecord<String, RejectedEvent>> rejected = new ArrayList<>();
    Set<String> goodRejected = new TreeSet<>();
    readAll(
        topics.rejected(),
        RejectedEvent.class,
        r -> {
          rejected.add(r);
          if (r.value().getEventId() != null
              && oracle.eventIds().contains(r.value().getEventId())) {
            goodRejected.add(r.value().getEventId());
          }
        });
    return new Outcome(
        oracle.alerts(), seen, other, contentDuplicates, differing, goodRejected, rejected);
  }

  private <T extends SpecificRecord> void readAll(
      String topic, Class<T> type, Consumer<ConsumerRecord<String, T>> each) {
    Map<String, Object> props = new HashMap<>(client);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    try (KafkaConsumer<String, T> consumer =
        new KafkaConsumer<>(
            props, new StringDeserializer(), new AvroDeserializer<>(registry, type))) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read all of " + topic + " in 5 minutes");
        }
        consumer.poll(Duration.ofMillis(500)).forEach(each);
      }
    }
  }
}
