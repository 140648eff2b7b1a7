package io.transfermonitor.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.schemas.registry.InMemorySchemaRegistry;
import io.transfermonitor.streams.config.MonitorConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class TopologyNamingTest {

  @Test
  void shouldNameEveryProcessorStoreAndInternalTopic() {
    // given
    var topology =
        MonitorTopology.build(MonitorConfig.defaults(), InMemorySchemaRegistry.scope("naming"));

    // when
    TopologyDescription description = topology.describe();
    String text = description.toString();

    // then
    assertThat(text).doesNotContainPattern("KSTREAM-|KTABLE-|-\\d{10}");
    assertThat(text)
        .contains(
            "validate-tanker-deliveries",
            "events-by-id-repartition",
            "ledger-partials-repartition",
            "sum-locally",
            "stores: [sent-totals, counted-spans, events]",
            "read-recount-requests",
            "write-recount-reports",
            "corroborate-and-sum-deliveries",
            "stores: [delivery-activity-partials, vessel-observations, delivery-counted-spans,"
                + " delivery-ledger-partials]",
            "drop-resends",
            "count-in-ledgers",
            "stores: [ledgers]",
            "stores: [events]",
            "write-ban-alerts",
            "write-level-alerts",
            "write-screen-alerts",
            "write-gap-alerts",
            "write-rejected",
            "write-cap-usage",
            "read-designations",
            "stores: [designations]",
            "screen-parties",
            "stores: [designations-rescreened, events]",
            "match-screen-rules",
            "case-actions-by-case-repartition",
            "track-cases",
            "stores: [cases, case-timers, cases-unpublished]",
            "write-cases",
            "write-case-steps",
            "write-notifications",
            "write-refused-actions",
            "observations-by-vessel-repartition",
            "compare-reported-observed",
            "stores: [ledgers, reporting-gaps]",
            "write-reporting-gaps",
            "activity-partials-repartition",
            "count-activity",
            "stores: [activity]",
            "write-activity",
            "read-alerts",
            "stores: [alerts]");
  }
}
