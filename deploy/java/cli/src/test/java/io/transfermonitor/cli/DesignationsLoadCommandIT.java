package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Designation;
import io.transfermonitor.producers.designations.DesignationTopic;
import io.transfermonitor.producers.designations.SampleList;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code designations load} against a real broker: counts, no re-publishing, delisting. */
@ExtendWith(KafkaStackExtension.class)
class DesignationsLoadCommandIT {

  @TempDir Path dir;

  @Test
  void shouldPublishTheListOnceThenOnlyItsRemovalsAndChanges(KafkaStack stack) throws IOException {
    // given: fresh topics, and copies of the sample list without the Foreign Trade Bank and with
    // an amended Korea Kwangson Banking Corporation
    Topics topics = stack.uniqueTopics();
    Path settings = dir.resolve("settings.properties");
    Files.writeString(settings, "tm.topic.prefix=" + prefixOf(topics) + "\n");
    String xml;
    try (InputStream in = SampleList.open()) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String noFtb = withoutEntity(xml, "KPe.047");
    Path withoutFtb = Files.writeString(dir.resolve("without-ftb.xml"), noFtb);
    String kkbc = "<ALIAS_NAME>KKBC</ALIAS_NAME></ENTITY_ALIAS>";
    Path amended =
        Files.writeString(
            dir.resolve("amended.xml"),
            noFtb.replace(
                kkbc,
                kkbc
                    + "<ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY>"
                    + "<ALIAS_NAME>Kwangson Bank</ALIAS_NAME></ENTITY_ALIAS>"));

    // when
    CliRun first = load(stack, settings, ScreenCommandTest.SAMPLE_LIST);
    CliRun again = load(stack, settings, ScreenCommandTest.SAMPLE_LIST);
    CliRun removed = load(stack, settings, withoutFtb.toString());
    CliRun changed = load(stack, settings, amended.toString());

    // then
    assertThat(first.outLines())
        .contains(
            "  DPRK 155 (80 individuals, 75 entities)",
            "  Al-Qaida 351 (262 individuals, 89 entities)",
            "published to "
                + topics.designations()
                + ": 1018 added, 0 changed, 0 removed, 0 unchanged");
    assertThat(again.outLines())
        .contains(
            "published to "
                + topics.designations()
                + ": 0 added, 0 changed, 0 removed, 1018 unchanged");
    assertThat(removed.outLines())
        .contains(
            "published to "
                + topics.designations()
                + ": 0 added, 0 changed, 1 removed, 1017 unchanged",
            "  delisted KPe.047");
    assertThat(changed.outLines())
        .contains(
            "published to "
                + topics.designations()
                + ": 0 added, 1 changed, 0 removed, 1016 unchanged");
    Map<String, Designation> held =
        DesignationTopic.read(
            Map.of(
                "bootstrap.servers", stack.bootstrapServers(),
                "schema.registry.url", stack.schemaRegistryUrl()),
            topics.designations(),
            Duration.ofSeconds(30));
    assertThat(held).hasSize(1017).doesNotContainKey("KPe.047");
    assertThat(held.get("KPe.025").getAliases()).containsExactly("KKBC", "Kwangson Bank");
  }

  @Test
  void shouldSayWhatToRunWhenTheTopicsDoNotExistYet(KafkaStack stack) throws IOException {
    // given: a prefix under which no topic was created
    Path settings = dir.resolve("no-topics.properties");
    Files.writeString(settings, "tm.topic.prefix=" + stack.uniqueName("none") + ".\n");

    // when
    CliRun run = run(stack, settings, ScreenCommandTest.SAMPLE_LIST);

    // then
    assertThat(run.exit()).isNotZero();
    assertThat(run.err())
        .contains("reference.designations does not exist")
        .contains("run 'transfer-monitor topics create' first");
  }

  private static CliRun load(KafkaStack stack, Path settings, String file) {
    CliRun run = run(stack, settings, file);
    assertThat(run.exit()).as("designations load failed: %s", run.err()).isZero();
    return run;
  }

  private static CliRun run(KafkaStack stack, Path settings, String file) {
    return CliRun.of(
        "designations",
        "load",
        "--config",
        settings.toString(),
        "--bootstrap-servers",
        stack.bootstrapServers(),
        "--schema-registry-url",
        stack.schemaRegistryUrl(),
        file);
  }

  /** The list without the ENTITY element of {@code reference}. */
  private static String withoutEntity(String xml, String reference) {
    int at = xml.indexOf("<REFERENCE_NUMBER>" + reference + "<");
    int start = xml.lastIndexOf("<ENTITY>", at);
    int end = xml.indexOf("</ENTITY>", at) + "</ENTITY>".length();
    return xml.substring(0, start) + xml.substring(end);
  }

  private static String prefixOf(Topics topics) {
    return topics.rules().substring(0, topics.rules().length() - "reference.rules".length());
  }
}
