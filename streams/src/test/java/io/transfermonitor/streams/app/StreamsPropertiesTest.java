package io.transfermonitor.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.transfermonitor.schemas.serde.AvroSerdeConfig;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {

  @Test
  void producersWaitLongerThanKafkaStreamsTenSecondsUnlessASettingSaysOtherwise() {
    Properties kafka = new Properties();
    kafka.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    kafka.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://stable-process-id");
    MonitorMetrics metrics = new MonitorMetrics(new SimpleMeterRegistry());
    String key = StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);

    Properties defaults = StreamsProperties.of(kafka, MonitorConfig.defaults(), metrics);
    assertThat(new StreamsConfig(defaults).getProducerConfigs("c"))
        .containsEntry(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);

    kafka.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "12000");
    Properties set = StreamsProperties.of(kafka, MonitorConfig.defaults(), metrics);
    assertThat(set).doesNotContainKey(key);
    assertThat(new StreamsConfig(set).getProducerConfigs("c"))
        .containsEntry(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "12000");
  }

  @Test
  void producersRetryABatchSentTooSoonAfterACommitWithin20Ms() {
    Properties kafka = new Properties();
    kafka.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    kafka.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://retry-backoff");
    MonitorMetrics metrics = new MonitorMetrics(new SimpleMeterRegistry());

    Properties defaults = StreamsProperties.of(kafka, MonitorConfig.defaults(), metrics);
    assertThat(new StreamsConfig(defaults).getProducerConfigs("c"))
        .containsEntry(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 20);
    // the consumers keep Kafka's own
    assertThat(new StreamsConfig(defaults).getMainConsumerConfigs("g", "c", 0))
        .doesNotContainEntry(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 20);

    kafka.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), "150");
    assertThat(
            new StreamsConfig(StreamsProperties.of(kafka, MonitorConfig.defaults(), metrics))
                .getProducerConfigs("c"))
        .containsEntry(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "150");
  }

  @Test
  void globalAndRestoreConsumersStopWaitingAtAPartitionsEndAfter100Ms() {
    Properties kafka = new Properties();
    kafka.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    kafka.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://fetch-wait");
    MonitorMetrics metrics = new MonitorMetrics(new SimpleMeterRegistry());

    StreamsConfig defaults =
        new StreamsConfig(StreamsProperties.of(kafka, MonitorConfig.defaults(), metrics));
    assertThat(defaults.getGlobalConsumerConfigs("c"))
        .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    assertThat(defaults.getRestoreConsumerConfigs("c"))
        .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    // the main consumer keeps Kafka's own: it waits for new events
    assertThat(defaults.getMainConsumerConfigs("g", "c", 0))
        .doesNotContainEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);

    kafka.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "300");
    assertThat(
            new StreamsConfig(StreamsProperties.of(kafka, MonitorConfig.defaults(), metrics))
                .getGlobalConsumerConfigs("c"))
        .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "300");
  }
}
