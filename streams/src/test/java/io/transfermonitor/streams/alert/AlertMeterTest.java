package io.transfermonitor.streams.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.transfermonitor.model.Alert;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.Severity;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class AlertMeterTest {

  private static final String RULE = "unscr-1718-arms-embargo";
  private static final long PRODUCED = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void shouldCountTheAlertAndTimeItFromItsEventsProduceTime() {
    // given an alert whose triggering event was produced 1.5 s ago
    MockProcessorContext<String, Alert> context = new MockProcessorContext<>();
    context.setCurrentSystemTimeMs(PRODUCED + 1_500);
    Alert alert = alert();

    // when
    forward(context, alert, PRODUCED);

    // then it goes on unchanged, counted and timed
    assertThat(context.forwarded())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.record().key()).isEqualTo(alert.getAlertId());
              assertThat(f.record().value()).isEqualTo(alert);
            });
    assertThat(
            meters.get("tm.alerts").tag("rule", RULE).tag("severity", "CRITICAL").counter().count())
        .isEqualTo(1.0);
    Timer latency = meters.get("tm.alert.latency").tag("rule", RULE).timer();
    assertThat(latency.count()).isEqualTo(1);
    assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1_500.0);
  }

  @Test
  void shouldNeverRecordANegativeLatency() {
    // given a record stamped after the monitor's clock (a producer clock ahead of it)
    MockProcessorContext<String, Alert> context = new MockProcessorContext<>();
    context.setCurrentSystemTimeMs(PRODUCED);

    // when
    forward(context, alert(), PRODUCED + 5_000);

    // then
    assertThat(meters.get("tm.alert.latency").timer().totalTime(TimeUnit.MILLISECONDS)).isZero();
  }

  private void forward(MockProcessorContext<String, Alert> context, Alert alert, long timestamp) {
    AlertMeter meter = new AlertMeter(new MonitorMetrics(meters));
    meter.init(context);
    meter.process(new Record<>(alert.getAlertId(), alert, timestamp));
  }

  private static Alert alert() {
    return Alert.newBuilder()
        .setAlertId(RULE + "/e1")
        .setRuleId(RULE)
        .setLegalBasis("UNSCR 1718 (2006) OP8(a)(b)")
        .setRuleKind(RuleKind.BAN)
        .setSeverity(Severity.CRITICAL)
        .setEventTime(Instant.EPOCH)
        .setProcessedAt(Instant.EPOCH)
        .setMessage("m")
        .build();
  }
}
