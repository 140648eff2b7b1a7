package io.transfermonitor.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.schemas.validation.ValidationLimits;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class MonitorSettingsTest {

  @Test
  void shouldGiveTheDefaultsOfTheDomainWhenNothingIsSet() {
    // when
    MonitorConfig config = MonitorConfig.defaults();

    // then
    assertThat(config.topics().alerts()).isEqualTo("tm.alerts");
    assertThat(config.topics().notifications()).isEqualTo("tm.notifications");
    assertThat(config.applicationId()).isEqualTo("transfer-monitor");
    assertThat(config.dedupRetention()).isEqualTo(Duration.ofDays(400));
    assertThat(config.barrelsPerTon())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "LPG", 11.6,
                "GASOLINE", 8.5,
                "KEROSENE", 7.8,
                "DIESEL", 7.5,
                "FUEL_OIL", 6.7,
                "CRUDE", 7.62,
                "REFINED_UNSPECIFIED", 7.33));
    assertThat(config.barrelsPerKilolitre()).isEqualTo(6.2898);
    assertThat(config.maxFutureSkew()).isEqualTo(Duration.ofDays(1));
    assertThat(config.ruleRecheckInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(100));
    assertThat(config.validationLimits()).isEqualTo(ValidationLimits.DEFAULTS);
    assertThat(config.instanceId()).isEmpty();
    assertThat(config.screeningThreshold()).isEqualTo(0.9);
    assertThat(config.nearMissThreshold()).isEqualTo(0.6);
    assertThat(config.screeningLookBack()).isEqualTo(Duration.ofDays(400));
    assertThat(config.rescreenInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.caseQuietInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.casePartitions()).isEqualTo(3);
    assertThat(config.corroborationWindow()).isEqualTo(Duration.ofHours(48));
    assertThat(config.corroborationSamePort()).isTrue();
  }

  @Test
  void shouldDocumentEveryKeyWithItsDefaultAndAcceptItsOwnDefault() {
    assertThat(MonitorSettings.keys())
        .hasSize(55)
        .allSatisfy(
            key -> {
              assertThat(key).startsWith("tm.");
              assertThat(MonitorSettings.doc(key)).isNotBlank();
              assertThat(MonitorSettings.problem(key, MonitorSettings.defaultValue(key))).isEmpty();
            });
  }

  @Test
  void shouldSendNotificationsToTheTopicNamedForThemAndLeaveEveryOtherNameToThePrefix() {
    // when
    MonitorConfig replay =
        MonitorSettings.parse(
            Map.of(
                MonitorSettings.TOPIC_PREFIX, "prod.",
                MonitorSettings.NOTIFICATIONS_TOPIC, "prod.notifications.upgrade"));
    MonitorConfig prefixed = MonitorSettings.parse(Map.of(MonitorSettings.TOPIC_PREFIX, "prod."));

    // then
    assertThat(replay.topics().notifications()).isEqualTo("prod.notifications.upgrade");
    assertThat(replay.topics().withNotifications("prod.notifications"))
        .isEqualTo(prefixed.topics());
    assertThat(prefixed.topics().notifications()).isEqualTo("prod.notifications");
    assertThatThrownBy(
            () -> MonitorSettings.parse(Map.of(MonitorSettings.NOTIFICATIONS_TOPIC, "tm/pages")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(MonitorSettings.NOTIFICATIONS_TOPIC)
        .hasMessageContaining("'tm/pages' may only contain letters, digits, '.', '_' and '-'");
  }

  @Test
  void shouldReadDurationsInEveryWrittenForm() {
    assertThat(DurationText.parse("100ms")).isEqualTo(Duration.ofMillis(100));
    assertThat(DurationText.parse(" 5 m ")).isEqualTo(Duration.ofMinutes(5));
    assertThat(DurationText.parse("PT1S")).isEqualTo(Duration.ofSeconds(1));
    assertThat(DurationText.parse("p400d")).isEqualTo(Duration.ofDays(400));
    assertThat(DurationText.format(Duration.ofDays(400))).isEqualTo("400d");
    assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
  }

  @Test
  void shouldRefuseABadValueNamingTheKey() {
    assertThat(MonitorSettings.problem(MonitorSettings.COMMIT_INTERVAL, "0s"))
        .contains("'0s' must be longer than zero");
    assertThat(MonitorSettings.problem(MonitorSettings.APPLICATION_ID, "my app"))
        .contains("'my app' may only contain letters, digits, '.', '_' and '-'");
    assertThatThrownBy(() -> MonitorSettings.parse(Map.of(MonitorSettings.BARRELS_PER_TON, "x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(MonitorSettings.BARRELS_PER_TON)
        .hasMessageContaining("'x' is not PRODUCT=FACTOR");
    assertThat(MonitorSettings.problem(MonitorSettings.SCREENING_THRESHOLD, "1.5"))
        .contains("'1.5' must be a score above 0 and at most 1");
    assertThatThrownBy(
            () ->
                MonitorSettings.parse(
                    Map.of(
                        MonitorSettings.SCREENING_THRESHOLD, "0.8",
                        MonitorSettings.NEAR_MISS_THRESHOLD, "0.85")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(MonitorSettings.NEAR_MISS_THRESHOLD)
        .hasMessageContaining("must not be above tm.screening.threshold (0.8)");
    assertThat(MonitorSettings.problem(MonitorSettings.CASE_PARTITIONS, "0"))
        .contains("'0' must be a whole number of at least 1");
    assertThat(MonitorSettings.parse(Map.of(MonitorSettings.CASE_QUIET_INTERVAL, "90s")))
        .extracting(MonitorConfig::caseQuietInterval)
        .isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void shouldBuildAChangedCopyWithTheBuilder() {
    // when
    MonitorConfig config =
        MonitorConfig.builder()
            .applicationId("other")
            .caseQuietInterval(Duration.ofMinutes(7))
            .build();

    // then
    assertThat(config.applicationId()).isEqualTo("other");
    assertThat(config.caseQuietInterval()).isEqualTo(Duration.ofMinutes(7));
    assertThat(config.dedupRetention()).isEqualTo(Duration.ofDays(400));
    assertThat(config.toBuilder().build()).isEqualTo(config);
    assertThatThrownBy(() -> config.toBuilder().commitInterval(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("commitInterval");
  }
}
