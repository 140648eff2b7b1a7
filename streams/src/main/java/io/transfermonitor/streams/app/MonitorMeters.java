package io.transfermonitor.streams.app;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The Prometheus registry the monitor's metrics go to, with every Kafka Streams metric able to
 * reach {@code /metrics}. Kafka Streams names a state store's metrics the same for every kind of
 * store but tags the store by its kind: {@code rocksdb-state-id} for a key-value store, {@code
 * rocksdb-window-state-id} for a window store, {@code in-memory-state-id}, ... Prometheus requires
 * one set of tag keys per name, so the registry refused the second kind's meters (with one WARN
 * line, and the metric missing from the scrape). {@link #storeTags()} gives them one set: {@code
 * state.id} (the store's name) and {@code store.type} ({@code rocksdb}, {@code rocksdb-window},
 * ...).
 */
public final class MonitorMeters {

  private static final String STATE_ID_SUFFIX = ".state.id";

  private MonitorMeters() {}

  /** A Prometheus registry with {@link #storeTags()} in place before any meter is registered. */
  public static PrometheusMeterRegistry prometheus() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(storeTags());
    return registry;
  }

  /**
   * Turns a store metric's {@code <kind>.state.id} tag into {@code state.id} and {@code
   * store.type}.
   */
  public static MeterFilter storeTags() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        List<Tag> tags = new ArrayList<>();
        boolean changed = false;
        for (Tag tag : id.getTagsAsIterable()) {
          String key = tag.getKey();
          if (key.endsWith(STATE_ID_SUFFIX) && !key.equals(STATE_ID_SUFFIX.substring(1))) {
            String kind = key.substring(0, key.length() - STATE_ID_SUFFIX.length());
            tags.add(Tag.of("state.id", tag.getValue()));
            tags.add(Tag.of("store.type", kind.replace('.', '-')));
            changed = true;
          } else {
            tags.add(tag);
          }
        }
        return changed ? id.replaceTags(tags) : id;
      }
    };
  }
}
