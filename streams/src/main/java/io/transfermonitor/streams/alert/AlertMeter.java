package io.transfermonitor.streams.alert;

import io.transfermonitor.model.Alert;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Counts each alert on its way to the alert topic and times it: the record's timestamp is the time
 * its triggering event was produced (Kafka Streams carries it through the repartition topics), so
 * the wall clock now minus it is the event-to-alert latency ops care about. In and out: alerts
 * keyed by alert id, unchanged.
 */
public final class AlertMeter implements Processor<String, Alert, String, Alert> {

  private final MonitorMetrics metrics;
  private ProcessorContext<String, Alert> context;

  public AlertMeter(MonitorMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, Alert> record) {
    long waited = context.currentSystemTimeMs() - record.timestamp();
    metrics.alert(record.value(), Duration.ofMillis(waited));
    context.forward(record);
  }
}
