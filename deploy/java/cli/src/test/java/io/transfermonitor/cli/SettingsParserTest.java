package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsException;
import io.transfermonitor.cli.settings.SettingsParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsParserTest {

  @TempDir Path dir;

  private static Settings parse(Map<String, String> env) {
    return SettingsParser.parse(Optional.empty(), env, Map.of());
  }

  @Test
  void shouldFillInDefaultsWhenNothingIsConfigured() {
    Settings settings = parse(Map.of());

    assertThat(settings.bootstrapServers()).isEmpty();
    assertThat(settings.schemaRegistryUrl()).isEmpty();
    assertThat(settings.topics().alerts()).isEqualTo("tm.alerts");
    assertThat(settings.topicLayout().partitions()).isEqualTo(3);
    assertThat(settings.topicLayout().replicationFactor()).isEqualTo((short) -1);
    assertThat(settings.applicationId()).isEqualTo("transfer-monitor");
    assertThat(settings.stateDir()).isEqualTo(Path.of("tm-data/streams"));
  }

  @Test
  void shouldSetEveryMonitorSettingFromAFileOrTheEnvironment() throws IOException {
    // given
    Path file = dir.resolve("monitor.properties");
    Files.writeString(
        file,
        "tm.dedup.retention=30d\n"
            + "tm.barrels.per.ton=DIESEL=7.46,BITUMEN=6.06\n"
            + "tm.barrels.per.kilolitre=6.29\n"
            + "tm.validation.max.future.skew=2h\n"
            + "tm.case.quiet.interval=15m\n"
            + "tm.corroboration.window=1d\n");
    Map<String, String> env =
        Map.of(
            "TM_RULE_RECHECK_INTERVAL", "5s",
            "TM_COMMIT_INTERVAL", "250ms",
            "TM_CASE_PARTITIONS", "6",
            "TM_CORROBORATION_SAME_PORT", "false");

    // when
    var config = SettingsParser.parse(Optional.of(file), env, Map.of()).monitorConfig();

    // then
    assertThat(config.dedupRetention()).isEqualTo(Duration.ofDays(30));
    assertThat(config.barrelsPerTon())
        .containsEntry("DIESEL", 7.46)
        .containsEntry("BITUMEN", 6.06)
        .containsEntry("GASOLINE", 8.5);
    assertThat(config.barrelsPerKilolitre()).isEqualTo(6.29);
    assertThat(config.maxFutureSkew()).isEqualTo(Duration.ofHours(2));
    assertThat(config.ruleRecheckInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.caseQuietInterval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.casePartitions()).isEqualTo(6);
    assertThat(config.corroborationWindow()).isEqualTo(Duration.ofDays(1));
    assertThat(config.corroborationSamePort()).isFalse();
  }

  @Test
  void shouldNameTheKeyOfABadMonitorSetting() {
    assertThatThrownBy(() -> parse(Map.of("TM_DEDUP_RETENTION", "forever")))
        .isInstanceOf(SettingsException.class)
        .hasMessage(
            "bad setting TM_DEDUP_RETENTION (tm.dedup.retention): 'forever' is not a duration"
                + " (e.g. 100ms, 1s, 5m, 2h, 400d or ISO-8601 PT1S)");
    assertThatThrownBy(() -> parse(Map.of("TM_BARRELS_PER_TON", "DIESEL=-1")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("tm.barrels.per.ton")
        .hasMessageContaining("DIESEL: '-1' must be a positive number");
  }

  @Test
  void shouldPassKafkaEnvironmentVariablesToTheClients() {
    Settings settings =
        parse(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_HEAP_OPTS", "-Xmx1g",
                "PATH", "/usr/bin"));

    assertThat(settings.kafka())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("bootstrap.servers", "k1:9092,k2:9092", "security.protocol", "SASL_SSL"));
    assertThat(settings.kafkaClientProperties("127.0.0.1:9092"))
        .containsEntry("bootstrap.servers", "k1:9092,k2:9092");
  }

  @Test
  void shouldReadApplicationSettingsFromTmVariables() {
    Settings settings =
        parse(
            Map.of(
                "TM_SCHEMA_REGISTRY_URL", "http://registry:8081",
                "TM_TOPIC_PREFIX", "prod.",
                "TM_STATE_DIR", "/var/lib/tm/state",
                "TM_TESTKIT_STACK", "embedded"));

    assertThat(settings.schemaRegistryUrl()).contains("http://registry:8081");
    assertThat(settings.topics().alerts()).isEqualTo("prod.alerts");
    assertThat(settings.stateDir()).isEqualTo(Path.of("/var/lib/tm/state"));
  }

  @Test
  void shouldGiveTopicsCreateAndTheMonitorTheNotificationsTopicSetForAReplay() {
    Settings settings =
        parse(
            Map.of(
                "TM_TOPIC_PREFIX", "prod.",
                "TM_TOPIC_NOTIFICATIONS", "prod.notifications.upgrade"));

    assertThat(settings.topics().notifications()).isEqualTo("prod.notifications.upgrade");
    assertThat(settings.monitorConfig().topics()).isEqualTo(settings.topics());
    assertThat(settings.topics().cases()).isEqualTo("prod.cases");
    assertThat(parse(Map.of("TM_TOPIC_PREFIX", "prod.")).topics().notifications())
        .isEqualTo("prod.notifications");
  }

  @Test
  void shouldRefuseAMisspeltTmVariableAsAFileRefusesAMisspeltKey() {
    assertThatThrownBy(() -> parse(Map.of("TM_TOPIC_PREFX", "prod.")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("bad setting TM_TOPIC_PREFX: unknown variable")
        .hasMessageContaining("TM_TOPIC_PREFIX");
    assertThat(parse(Map.of("TM_JAVA_OPTS", "-Xmx2g")).topics().alerts()).isEqualTo("tm.alerts");
  }

  @Test
  void shouldLetOptionsBeatEnvironmentAndEnvironmentBeatTheFile() throws IOException {
    Path file = dir.resolve("tm.properties");
    Files.writeString(
        file,
        "kafka.bootstrap.servers=file:9092\ntm.topic.prefix=file.\ntm.application.id=from-file\n");
    Map<String, String> options = new LinkedHashMap<>();
    options.put("kafka.bootstrap.servers", "option:9092");

    Settings settings =
        SettingsParser.parse(
            Optional.of(file),
            Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092", "TM_TOPIC_PREFIX", "env."),
            options);

    assertThat(settings.bootstrapServers()).contains("option:9092");
    assertThat(settings.topics().alerts()).isEqualTo("env.alerts");
    assertThat(settings.applicationId()).isEqualTo("from-file");
  }

  @Test
  void shouldReadNestedYaml() throws IOException {
    Path file = dir.resolve("tm.yaml");
    Files.writeString(
        file,
        """
        kafka:
          bootstrap.servers: yaml:9092
          client.id: monitor
        tm:
          topic:
            prefix: y.
            partitions: 6
        """);

    Settings settings = SettingsParser.parse(Optional.of(file), Map.of(), Map.of());

    assertThat(settings.kafka()).containsEntry("client.id", "monitor");
    assertThat(settings.bootstrapServers()).contains("yaml:9092");
    assertThat(settings.topics().rules()).isEqualTo("y.reference.rules");
    assertThat(settings.topicLayout().partitions()).isEqualTo(6);
  }

  @Test
  void shouldNameTheEnvironmentVariableOfABadBootstrapAddress() {
    assertThatThrownBy(() -> parse(Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost")))
        .isInstanceOf(SettingsException.class)
        .hasMessage(
            "bad setting KAFKA_BOOTSTRAP_SERVERS (kafka.bootstrap.servers): 'localhost' is not"
                + " host:port[,host:port...]")
        .satisfies(
            e -> assertThat(((SettingsException) e).key()).isEqualTo("KAFKA_BOOTSTRAP_SERVERS"));
  }

  @Test
  void shouldNameTheFileKeyOfABadNumber() throws IOException {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "tm.topic.partitions=many\n");

    assertThatThrownBy(() -> SettingsParser.parse(Optional.of(file), Map.of(), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessage(
            "bad setting tm.topic.partitions in " + file + ": 'many' is not a whole number");
  }

  @Test
  void shouldRefuseAnUnknownApplicationKeyInTheFile() throws IOException {
    Path file = dir.resolve("typo.properties");
    Files.writeString(file, "tm.topic.prefx=x.\n");

    assertThatThrownBy(() -> SettingsParser.parse(Optional.of(file), Map.of(), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("bad setting tm.topic.prefx in " + file + ": unknown key")
        .hasMessageContaining("tm.topic.prefix");
  }

  @Test
  void shouldRefuseAKeyThatIsNeitherKafkaNorTm() throws IOException {
    Path file = dir.resolve("plain.properties");
    Files.writeString(file, "bootstrap.servers=a:9092\n");

    assertThatThrownBy(() -> SettingsParser.parse(Optional.of(file), Map.of(), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("use kafka.<client property> or tm.<setting>");
  }

  @Test
  void shouldNameAMissingConfigFile() {
    Path missing = dir.resolve("nowhere.yaml");

    assertThatThrownBy(() -> SettingsParser.parse(Optional.of(missing), Map.of(), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessage("bad setting --config: no such file " + missing);
  }

  @Test
  void shouldNameTheOptionOfABadRegistryUrl() {
    Map<String, String> options = Map.of("tm.schema.registry.url", "registry:8081");

    assertThatThrownBy(() -> SettingsParser.parse(Optional.empty(), Map.of(), options))
        .isInstanceOf(SettingsException.class)
        .hasMessage(
            "bad setting --schema-registry-url (tm.schema.registry.url): 'registry:8081' is not an"
                + " http(s):// URL");
  }

  @Test
  void shouldRefuseAReplicationFactorOfZero() {
    assertThatThrownBy(() -> parse(Map.of("TM_TOPIC_REPLICATION_FACTOR", "0")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("TM_TOPIC_REPLICATION_FACTOR")
        .hasMessageContaining("-1 (broker default) or at least 1");
  }

  @Test
  void shouldReportUnreadableYamlOnOneLine() throws IOException {
    Path file = dir.resolve("broken.yml");
    Files.writeString(file, "kafka: [unclosed\n  tm: x\n");

    assertThatThrownBy(() -> SettingsParser.parse(Optional.of(file), Map.of(), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("bad setting --config: cannot read " + file)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
