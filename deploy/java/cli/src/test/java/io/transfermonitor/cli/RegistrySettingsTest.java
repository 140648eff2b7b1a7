package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.cli.settings.Redaction;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsException;
import io.transfermonitor.cli.settings.SettingsParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registry TLS and credentials as settings, and the secrets among all settings kept hidden. */
class RegistrySettingsTest {

  private static final String JAAS =
      "org.apache.kafka.common.security.scram.ScramLoginModule required"
          + " username=\"monitor\" password=\"k4fkaS3cret\";";

  @TempDir Path dir;

  @Test
  void shouldHandTheRegistrySettingsToTheSerdesUnderConfluentsKeys() throws IOException {
    Path file = dir.resolve("monitor.properties");
    Files.writeString(
        file,
        "tm.schema.registry.url=https://registry:8081\n"
            + "tm.schema.registry.basic.auth.user.info=monitor:r3gistryS3cret\n"
            + "tm.schema.registry.ssl.truststore.location=/etc/tm/ca.crt\n"
            + "tm.schema.registry.ssl.truststore.type=PEM\n");
    Map<String, String> env =
        Map.of("TM_SCHEMA_REGISTRY_SSL_KEYSTORE_LOCATION", "/etc/tm/client.p12");

    Settings settings = SettingsParser.parse(Optional.of(file), env, Map.of());

    assertThat(settings.registryClientProperties("http://fallback:8081"))
        .containsEntry("schema.registry.url", "https://registry:8081")
        .containsEntry("basic.auth.user.info", "monitor:r3gistryS3cret")
        .containsEntry("schema.registry.ssl.truststore.location", "/etc/tm/ca.crt")
        .containsEntry("schema.registry.ssl.truststore.type", "PEM")
        .containsEntry("schema.registry.ssl.keystore.location", "/etc/tm/client.p12")
        .doesNotContainKey("tm.schema.registry.basic.auth.user.info");
  }

  @Test
  void shouldNameTheKeyButNotTheValueOfABadSecret() {
    Map<String, String> env = Map.of("TM_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "noColonS3cret");

    assertThatThrownBy(() -> SettingsParser.parse(Optional.empty(), env, Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("TM_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO")
        .hasMessageContaining("user:password")
        .hasMessageNotContaining("noColonS3cret");
  }

  @Test
  void shouldHideEverySecretOfTheSettingsInText() {
    Map<String, String> env =
        Map.of(
            "KAFKA_SASL_JAAS_CONFIG", JAAS,
            "KAFKA_SSL_KEYSTORE_PASSWORD", "st0reS3cret",
            "TM_SCHEMA_REGISTRY_URL", "https://alice:urlS3cret@registry:8081",
            "TM_SCHEMA_REGISTRY_BEARER_AUTH_TOKEN", "t0kenS3cret");
    Settings settings = SettingsParser.parse(Optional.empty(), env, Map.of());
    String leaky = "failed: " + JAAS + " k4fkaS3cret st0reS3cret urlS3cret t0kenS3cret " + settings;

    String shown = settings.redaction().apply(leaky);

    assertThat(shown)
        .doesNotContain("k4fkaS3cret", "st0reS3cret", "urlS3cret", "t0kenS3cret")
        .startsWith("failed: " + Redaction.HIDDEN);
    assertThat(settings.toString()).doesNotContain("k4fkaS3cret", "t0kenS3cret");
    assertThat(settings.kafkaUser()).contains("monitor");
    assertThat(Redaction.url("https://alice:urlS3cret@registry:8081"))
        .isEqualTo("https://alice:[hidden]@registry:8081");
  }
}
