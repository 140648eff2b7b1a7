package io.transfermonitor.streams.app;

import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.serde.AvroSerializer;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says so when a stream thread fails again on the record it failed on before ({@link
 * RepeatedFailures}): an error in the log naming the record and what to do, the {@code
 * tm.stream.thread.stuck} counter, and the first time a {@link RejectedEvent} (stage PROCESSING) on
 * the rejected topic with the record's coordinates, written outside the monitor's transactions (the
 * failing task commits nothing). The record is not skipped: the monitor keeps retrying it, and an
 * operator decides (docs/reliability.md, "A stream thread stuck on one record").
 */
final class StuckRecordReport {

  private static final Logger LOG = LoggerFactory.getLogger(StuckRecordReport.class);

  private final Properties props;
  private final String rejectedTopic;
  private final SchemaRegistryClient registry;
  private final MonitorMetrics metrics;

  StuckRecordReport(
      Properties props,
      String rejectedTopic,
      SchemaRegistryClient registry,
      MonitorMetrics metrics) {
    this.props = props;
    this.rejectedTopic = rejectedTopic;
    this.registry = registry;
    this.metrics = metrics;
  }

  void report(RepeatedFailures.Where where, int times, Throwable failure) {
    metrics.threadStuck(where.task());
    LOG.error(
        "a stream thread failed {} times in a row on {} ({}); the monitor keeps retrying it and"
            + " counts nothing after it on that partition: see docs/reliability.md, 'A stream"
            + " thread stuck on one record'",
        times,
        where.place(),
        where.error());
    if (times == 2) {
      write(where);
    }
  }

  private void write(RepeatedFailures.Where where) {
    RejectedEvent stuck =
        RejectedEvent.newBuilder()
            .setStage(RejectionStage.PROCESSING)
            .setReason(
                "a stream thread failed twice in a row on "
                    + where.place()
                    + " (task "
                    + where.task()
                    + "): "
                    + where.error()
                    + "; the monitor keeps retrying it, see docs/reliability.md")
            .setErrorClass(where.error().split(":", 2)[0])
            .setSourceTopic(where.topic())
            .setSourcePartition(where.partition())
            .setSourceOffset(where.offset())
            .setRejectedAt(Instant.now())
            .build();
    byte[] value =
        new AvroSerializer<RejectedEvent>(registry, true, false).serialize(rejectedTopic, stuck);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            producerProps(), new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(rejectedTopic, null, value)).get();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.error("cannot write the report of {} to {}", where.place(), rejectedTopic, e);
    }
  }

  /**
   * The producer settings Kafka Streams derives for the monitor's own producers (servers, security,
   * {@code producer.}-prefixed settings), for a plain producer: no transaction, a short block.
   */
  private Map<String, Object> producerProps() {
    Map<String, Object> out = new StreamsConfig(props).getProducerConfigs("tm-stuck-record-report");
    out.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    out.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(10).toMillis());
    return out;
  }
}
