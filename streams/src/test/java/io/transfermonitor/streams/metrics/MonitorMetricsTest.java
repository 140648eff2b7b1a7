package io.transfermonitor.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.transfermonitor.model.Basis;
import io.transfermonitor.model.CapUsage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MonitorMetricsTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final MonitorMetrics metrics = new MonitorMetrics(meters);

  @Test
  void shouldGaugeEachCapsLatestTotalAndShareOfItsLimit() {
    // when two usages of the 2024 OBSERVED ledger arrive, then one of REPORTED
    metrics.capUsage(usage(Basis.OBSERVED, 382_500));
    metrics.capUsage(usage(Basis.OBSERVED, 523_500));
    metrics.capUsage(usage(Basis.REPORTED, 300_600));

    // then one gauge per cap, period and basis, at its latest value
    assertThat(meters.find("tm.cap.used").gauges()).hasSize(2);
    assertThat(observed("tm.cap.used")).isEqualTo(523_500);
    assertThat(observed("tm.cap.ratio")).isEqualTo(523_500 / 500_000.0);
  }

  private double observed(String name) {
    return meters
        .get(name)
        .tag("rule", "cap")
        .tag("period", "2024-01-01")
        .tag("basis", "OBSERVED")
        .gauge()
        .value();
  }

  private static CapUsage usage(Basis basis, double total) {
    return CapUsage.newBuilder()
        .setRuleId("cap")
        .setPeriodStart(Instant.parse("2024-01-01T00:00:00Z"))
        .setPeriodEnd(Instant.parse("2025-01-01T00:00:00Z"))
        .setBasis(basis)
        .setTotal(total)
        .setLimit(500_000.0)
        .setUnit("BARREL")
        .setRatio(total / 500_000)
        .setEventCount(1)
        .setUpdatedAt(Instant.EPOCH)
        .build();
  }
}
