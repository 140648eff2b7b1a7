package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Designation;
import io.transfermonitor.producers.designations.DesignationTopic;
import io.transfermonitor.producers.rules.RuleFile;
import io.transfermonitor.producers.rules.RulePublisher;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.schemas.serde.AvroDeserializer;
import io.transfermonitor.streams.app.MonitorApplication;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.topology.TopologyNames;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import io.transfermonitor.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OFAC SDN sample and the OpenSanctions sample loaded beside the UN list with {@code
 * designations load}, on a real broker with the monitor running: a payment to a party of each list
 * raises an alert that names the list; a new version of one list delists what it no longer holds
 * and nothing of the others, and the delisted party no longer alerts.
 */
@ExtendWith(KafkaStackExtension.class)
class DesignationListsIT {

  private static final String RULE = "any-list-designated-parties";
  private static final Path TRANSFERS = ProjectFiles.of("producers/examples/bank-transfers");
  private static final String HEADER =
      "transfer_id,value_date,amount,currency,payer,sender_bank,sender_bic,intermediary_bank,"
          + "receiver_bank,receiver_bic,beneficiary,beneficiary_country";

  @TempDir Path dir;

  @Test
  void shouldAlertNamingEachListAndDelistPerList(KafkaStack stack) throws IOException {
    // given: a SCREEN rule over every list, the three lists loaded, a running monitor
    Topics topics = stack.uniqueTopics();
    String prefix = topics.alerts().substring(0, topics.alerts().length() - "alerts".length());
    Path settings =
        Files.writeString(dir.resolve("settings.properties"), "tm.topic.prefix=" + prefix + "\n");
    Map<String, Object> clients =
        Map.of(
            "bootstrap.servers", stack.bootstrapServers(),
            "schema.registry.url", stack.schemaRegistryUrl());
    Path rules =
        Files.writeString(
            dir.resolve("rules.yaml"),
            """
            rules:
              - ruleId: any-list-designated-parties
                kind: SCREEN
                title: Event naming a party of any designation list loaded
                legalBasis: the desk's screening policy
                severity: HIGH
                scope: {}
            """);
    RulePublisher.publish(clients, topics.rules(), RuleFile.load(rules));
    load(stack, settings, ScreenCommandTest.SAMPLE_LIST);
    CliRun sdn = load(stack, settings, DesignationsLoadCommandTest.SDN_SAMPLE);
    CliRun ftm = load(stack, settings, DesignationsLoadCommandTest.FTM_SAMPLE);
    assertThat(sdn.outLines())
        .contains(
            "published to "
                + topics.designations()
                + ": 5 added, 0 changed, 0 removed, 0 unchanged");
    assertThat(ftm.outLines())
        .contains(
            "published to "
                + topics.designations()
                + ": 3 added, 0 changed, 0 removed, 0 unchanged");

    MonitorConfig config =
        MonitorConfig.builder().topics(topics).applicationId(stack.uniqueName("lists")).build();
    Properties props = new Properties();
    props.putAll(clients);
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
    List<Alert> seen = new ArrayList<>();
    try (KafkaConsumer<String, Alert> alerts = consumer(stack);
        MonitorApplication monitor = MonitorApplication.start(props, config)) {
      alerts.subscribe(List.of(topics.alerts()));
      monitor.awaitRunning(Duration.ofSeconds(90));

      // when: a payment through the SDN sample's bank to the OpenSanctions sample's company
      ingest(stack, settings, "x1", "Exemplar Foreign Settlement Bank", "Fictia Shipping Company");

      // then: one alert per list, each naming its list
      awaitAlerts(alerts, seen, 2);
      assertThat(seen)
          .extracting(Alert::getAlertId)
          .containsExactlyInAnyOrder(
              RULE + "/SDN-990001/bank-transfers/x1", RULE + "/tm-sample-co-1/bank-transfers/x1");
      Alert bySdn = alert(seen, "SDN-990001");
      assertThat(bySdn.getScreening().getListSource()).isEqualTo("OFAC SDN List");
      assertThat(bySdn.getMessage())
          .contains(
              "SDN-990001 'EXEMPLAR FOREIGN SETTLEMENT BANK' of the DPRK3 list (OFAC SDN List)");
      Alert byFtm = alert(seen, "tm-sample-co-1");
      assertThat(byFtm.getScreening().getListSource()).isEqualTo("OpenSanctions: example_eu_list");
      assertThat(byFtm.getMessage())
          .contains(
              "tm-sample-co-1 'Fictia Shipping Company' of the EU-DPRK list (OpenSanctions:"
                  + " example_eu_list), designated on 2019-04-08");

      // when: new versions of the SDN list without the bank and of the OpenSanctions export
      // without the company
      Path sdnWithoutBank =
          Files.writeString(
              dir.resolve("sdn-next.xml"),
              withoutSdnEntry(
                  Files.readString(Path.of(DesignationsLoadCommandTest.SDN_SAMPLE)), "990001"));
      Path ftmWithoutCompany =
          Files.write(
              dir.resolve("ftm-next.json"),
              Files.readAllLines(Path.of(DesignationsLoadCommandTest.FTM_SAMPLE)).stream()
                  .filter(line -> !line.contains("\"tm-sample-co-1"))
                  .toList());
      CliRun sdnNext = load(stack, settings, sdnWithoutBank.toString());
      CliRun ftmNext = load(stack, settings, ftmWithoutCompany.toString());

      // then: each delists its own party and nothing of another list
      assertThat(sdnNext.outLines())
          .contains(
              "published to "
                  + topics.designations()
                  + ": 0 added, 0 changed, 1 removed, 4 unchanged",
              "  delisted SDN-990001");
      assertThat(ftmNext.outLines())
          .contains(
              "published to "
                  + topics.designations()
                  + ": 0 added, 0 changed, 1 removed, 2 unchanged",
              "  delisted tm-sample-co-1");
      Map<String, Designation> held =
          DesignationTopic.read(clients, topics.designations(), Duration.ofSeconds(30));
      assertThat(held)
          .hasSize(1018 + 4 + 2)
          .containsKeys("KPe.047", "SDN-990002", "tm-sample-vessel-1")
          .doesNotContainKeys("SDN-990001", "tm-sample-co-1");

      // when: the monitor holds the new versions, and the same parties are paid again
      ReadOnlyKeyValueStore<String, Designation> store =
          monitor
              .streams()
              .store(
                  StoreQueryParameters.fromNameAndType(
                      TopologyNames.DESIGNATIONS_STORE,
                      QueryableStoreTypes.<String, Designation>keyValueStore()));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> store.get("SDN-990001") == null && store.get("tm-sample-co-1") == null);
      ingest(stack, settings, "x2", "Exemplar Foreign Settlement Bank", "Fictia Shipping Company");
      ingest(stack, settings, "x3", "Foreign Trade Bank", "Exemplar Dawn");

      // then: only the parties still listed alert, the UN one naming the UN list
      awaitAlerts(alerts, seen, 4);
      assertThat(seen.subList(2, 4))
          .extracting(Alert::getAlertId)
          .containsExactlyInAnyOrder(
              RULE + "/KPe.047/bank-transfers/x3", RULE + "/tm-sample-vessel-1/bank-transfers/x3");
      assertThat(alert(seen, "KPe.047").getMessage())
          .contains("of the DPRK list (UN Security Council Consolidated List)");
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                alerts.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                assertThat(seen).hasSize(4);
              });
    }
  }

  private static Alert alert(List<Alert> seen, String designationId) {
    return seen.stream()
        .filter(a -> a.getScreening().getDesignationId().equals(designationId))
        .findFirst()
        .orElseThrow();
  }

  private void ingest(KafkaStack stack, Path settings, String id, String bank, String beneficiary)
      throws IOException {
    Path csv =
        Files.write(
            dir.resolve(id + ".csv"),
            List.of(
                HEADER,
                id
                    + ",14/02/2024,1000000,USD,Example Payer Ltd,Example Settlement Bank,,,"
                    + bank
                    + ",,"
                    + beneficiary
                    + ",PRK"));
    CliRun run =
        CliRun.of(
            "ingest",
            "--config",
            settings.toString(),
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--schema-registry-url",
            stack.schemaRegistryUrl(),
            "--mapping",
            TRANSFERS.resolve("mapping.yaml").toString(),
            "--report",
            dir.resolve(id + "-report.csv").toString(),
            csv.toString());
    assertThat(run.exit()).as("ingest failed: %s", run.err()).isZero();
  }

  private static CliRun load(KafkaStack stack, Path settings, String file) {
    CliRun run =
        CliRun.of(
            "designations",
            "load",
            "--config",
            settings.toString(),
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--schema-registry-url",
            stack.schemaRegistryUrl(),
            file);
    assertThat(run.exit()).as("designations load failed: %s", run.err()).isZero();
    return run;
  }

  private static void awaitAlerts(
      KafkaConsumer<String, Alert> alerts, List<Alert> seen, int count) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              alerts.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
              assertThat(seen).hasSize(count);
            });
  }

  private static KafkaConsumer<String, Alert> consumer(KafkaStack stack) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            stack.uniqueName("lists-reader"),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed"),
        new StringDeserializer(),
        new AvroDeserializer<>(
            SchemaRegistryClients.forUrl(stack.schemaRegistryUrl()), Alert.class));
  }

  /** The SDN list without the entry of {@code uid}. */
  private static String withoutSdnEntry(String xml, String uid) {
    int at = xml.indexOf("<uid>" + uid + "</uid>");
    int start = xml.lastIndexOf("<sdnEntry>", at);
    int end = xml.indexOf("</sdnEntry>", at) + "</sdnEntry>".length();
    return xml.substring(0, start) + xml.substring(end);
  }
}
