package io.transfermonitor.cli.kafka;

import io.transfermonitor.cli.settings.LocalDefaults;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.model.Case;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The cases as they stand: the latest record of every case id on the compacted case topic, read
 * from the beginning to its last committed record without a consumer group. Afterwards it can
 * follow the topic for a change the monitor is expected to make.
 */
public final class CaseSnapshot implements AutoCloseable {

  /** How long a command waits to read the case topic to its end. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final TopicReader<Case> reader;
  private final Map<String, Case> cases = new LinkedHashMap<>();

  private CaseSnapshot(TopicReader<Case> reader) {
    this.reader = reader;
  }

  /**
   * Reads {@code topic} to its end.
   *
   * @throws UnavailableException when the topic does not exist or Kafka does not answer in time
   */
  public static CaseSnapshot read(Map<String, Object> clientProps, String topic, Duration timeout) {
    String clientId =
        String.valueOf(
            clientProps.getOrDefault(ConsumerConfig.CLIENT_ID_CONFIG, "transfer-monitor-cases"));
    CaseSnapshot snapshot =
        new CaseSnapshot(TopicReader.avro(clientProps, clientId, topic, Case.class));
    try {
      snapshot.reader.fromBeginning(timeout).readLatest(snapshot.cases, timeout);
      return snapshot;
    } catch (RuntimeException e) {
      snapshot.close();
      throw e;
    }
  }

  /**
   * Client properties for the cluster and registry the settings name (local defaults else), once
   * both answer and the case topics exist (else the command ends at once, saying which and why).
   */
  public static Map<String, Object> clientProperties(Settings settings) {
    Map<String, Object> props =
        settings.clientProperties(LocalDefaults.BOOTSTRAP, LocalDefaults.REGISTRY);
    Reachability.require(props, Optional.of(LocalDefaults.registryUrl(settings)));
    Reachability.requireTopics(
        props, List.of(settings.topics().cases(), settings.topics().caseActions()));
    return props;
  }

  /** Every case, by id, in the order first read. */
  public Map<String, Case> cases() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(cases));
  }

  public Optional<Case> get(String caseId) {
    return Optional.ofNullable(cases.get(caseId));
  }

  /** Follows the topic until case {@code caseId} satisfies {@code condition}, or the timeout. */
  public Optional<Case> awaitCase(String caseId, Predicate<Case> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, Case> record : reader.poll()) {
        TopicReader.keep(cases, record);
        if (caseId.equals(record.key())
            && record.value() != null
            && condition.test(record.value())) {
          return Optional.of(record.value());
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    reader.close();
  }
}
