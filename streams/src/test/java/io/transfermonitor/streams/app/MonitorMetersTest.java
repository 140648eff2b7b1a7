package io.transfermonitor.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * A Kafka Streams store metric reaches the scrape for every kind of store, although Kafka Streams
 * tags a key-value store and a window store under different keys for the same metric name.
 */
class MonitorMetersTest {

  @Test
  void shouldScrapeTheSameStoreMetricOfAKeyValueAndAWindowStore() {
    // given: the tags Kafka Streams gives the same metric of two kinds of store
    PrometheusMeterRegistry registry = MonitorMeters.prometheus();

    // when
    Gauge.builder("kafka.stream.state.cur.size.active.mem.table", () -> 1.0)
        .tags("rocksdb.state.id", "rules", "task.id", "-1_-1", "thread.id", "global")
        .register(registry);
    Gauge.builder("kafka.stream.state.cur.size.active.mem.table", () -> 2.0)
        .tags("rocksdb.window.state.id", "corroboration", "task.id", "0_1", "thread.id", "t1")
        .register(registry);

    // then: both are scraped, each with its store's name and kind
    String scrape = registry.scrape();
    assertThat(scrape)
        .contains(
            "kafka_stream_state_cur_size_active_mem_table{state_id=\"rules\","
                + "store_type=\"rocksdb\",task_id=\"-1_-1\",thread_id=\"global\"} 1.0")
        .contains(
            "kafka_stream_state_cur_size_active_mem_table{state_id=\"corroboration\","
                + "store_type=\"rocksdb-window\",task_id=\"0_1\",thread_id=\"t1\"} 2.0");
  }
}
