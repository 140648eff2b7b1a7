package io.transfermonitor.streams.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.MockStores;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResendFilterTest {

  private static final Duration RETENTION = Duration.ofDays(400);
  private static final long T0 = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();

  private final MockProcessorContext<String, Fact> context = new MockProcessorContext<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ResendFilter filter =
      new ResendFilter("event-ids", RETENTION, new MonitorMetrics(meters));
  private final Fact fact = Fact.of(Events.refined("d1", "2024-03-01T00:00:00Z", 1_000));

  @BeforeEach
  void init() {
    MockStores.window(context, "event-ids", RETENTION, new SeenEventSerde());
    filter.init(context);
  }

  @Test
  void shouldForwardAnEventIdOnceWithinTheRetention() {
    // when
    context.setCurrentSystemTimeMs(T0);
    filter.process(new Record<>("d1", fact, 0));
    context.setCurrentSystemTimeMs(T0 + Duration.ofDays(399).toMillis());
    filter.process(new Record<>("d1", fact, 0));

    // then
    assertThat(context.forwarded()).hasSize(1);
    assertThat(context.forwarded().get(0).record().value()).isEqualTo(fact);
    assertThat(meters.get("tm.events.duplicate").tag("kind", "TANKER_DELIVERY").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void shouldForwardAnEventIdAgainOnceTheRetentionHasPassed() {
    // when
    context.setCurrentSystemTimeMs(T0);
    filter.process(new Record<>("d1", fact, 0));
    context.setCurrentSystemTimeMs(T0 + RETENTION.toMillis() + 1);
    filter.process(new Record<>("d1", fact, 0));

    // then: remembered no longer than the retention, so the second one counts
    assertThat(context.forwarded()).hasSize(2);
  }

  @Test
  void shouldTellDifferentEventIdsApart() {
    // when
    context.setCurrentSystemTimeMs(T0);
    filter.process(new Record<>("d1", fact, 0));
    filter.process(new Record<>("d2", fact, 0));

    // then
    assertThat(context.forwarded())
        .extracting(f -> (String) f.record().key())
        .containsExactly("d1", "d2");
  }
}
