package io.transfermonitor.producers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.producers.EventProducer;
import io.transfermonitor.producers.TopicReader;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.validation.EventValidator;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Ingest against a real broker and registry: what lands in the topics. */
@ExtendWith(KafkaStackExtension.class)
class IngestIT {

  private static final Path EXAMPLES = Path.of("examples");

  private static IngestResult ingest(
      KafkaStack stack, Topics topics, Path mapping, Path csv, RejectionReport report)
      throws IOException {
    try (EventProducer producer =
        EventProducer.builder(stack.bootstrapServers(), stack.schemaRegistryUrl())
            .topics(topics)
            .build()) {
      IngestResult result =
          new Ingest(
                  producer,
                  Mapping.load(mapping),
                  report,
                  true,
                  false,
                  IngestProgress.silent(),
                  new EventValidator())
              .run(List.of(IngestInput.file(csv, null)));
      assertThat(producer.failed()).isZero();
      return result;
    }
  }

  @Test
  void shouldGiveEveryDeliveryTheSameIdWhenBothExampleSourcesAreIngestedTwice(KafkaStack stack)
      throws IOException {
    Topics topics = stack.uniqueTopics();
    Path reported = EXAMPLES.resolve("1718-committee-monthly");
    Path observed = EXAMPLES.resolve("osint-tanker-sightings");

    for (int run = 0; run < 2; run++) {
      ingest(
          stack,
          topics,
          reported.resolve("mapping.yaml"),
          reported.resolve("deliveries.csv"),
          null);
      ingest(
          stack, topics, observed.resolve("mapping.yaml"), observed.resolve("sightings.csv"), null);
    }

    List<ConsumerRecord<String, TankerDelivery>> records =
        TopicReader.read(
            stack, topics.eventTopic(EventKind.TANKER_DELIVERY), TankerDelivery.class, 36);
    assertThat(records).hasSize(36);
    List<String> firstRun = records.subList(0, 18).stream().map(ConsumerRecord::key).toList();
    List<String> secondRun = records.subList(18, 36).stream().map(ConsumerRecord::key).toList();
    assertThat(firstRun).doesNotHaveDuplicates().containsExactlyElementsOf(secondRun);
    assertThat(records)
        .allSatisfy(r -> assertThat(r.value().getHeader().getEventId()).isEqualTo(r.key()));
    assertThat(records.stream().map(ConsumerRecord::key).distinct()).hasSize(18);
  }

  @Test
  void shouldListBadRowsWithLineNumbersAndProduceEveryGoodRow(KafkaStack stack, @TempDir Path dir)
      throws IOException {
    Topics topics = stack.uniqueTopics();
    Path csv = dir.resolve("sightings-with-errors.csv");
    Files.writeString(
        csv,
        """
        date,vessel,imo,flag,port,est_barrels,ship_to_ship,counterpart,counterpart_flag
        04/03/2024,Kumsu 1,9000011,KP,Nampo,"27,500",no,,
        31/04/2024,Unha 5,9000022,KP,Chongjin,"26,000",no,,
        19/03/2024,Chilbo 2,9000033,KP,Nampo,"-29,000",no,,
        27/03/2024,Mirae 9,9000044,KP,Nampo,"25,500",no,,
        02/04/2024,Haebit 3,9000055,KP,Chongjin,"28,000",no,,
        """,
        StandardCharsets.UTF_8);
    Path reportFile = dir.resolve("report.csv");
    Path mapping = EXAMPLES.resolve("osint-tanker-sightings/mapping.yaml");

    IngestResult result;
    try (RejectionReport report = RejectionReport.to(reportFile)) {
      result = ingest(stack, topics, mapping, csv, report);
    }

    assertThat(result.produced()).isEqualTo(3);
    assertThat(result.rejected()).isEqualTo(2);
    assertThat(
            TopicReader.read(
                stack, topics.eventTopic(EventKind.TANKER_DELIVERY), TankerDelivery.class, 3))
        .extracting(r -> r.value().getVesselName())
        .containsExactly("Kumsu 1", "Mirae 9", "Haebit 3");
    assertThat(TopicReader.read(stack, topics.rejected(), RejectedEvent.class, 2))
        .extracting(r -> r.value().getSourceLine() + " " + r.value().getField())
        .containsExactly("3 header.eventTime", "4 quantity");
    assertThat(Files.readAllLines(reportFile))
        .hasSize(3)
        .anySatisfy(line -> assertThat(line).startsWith(csv + ",3,header.eventTime,"))
        .anySatisfy(line -> assertThat(line).startsWith(csv + ",4,quantity,must not be negative"));
  }

  @Test
  void shouldKeepTheRawLineOfASendThatFailedAfterTheProducersBlock(KafkaStack stack)
      throws IOException {
    // given: three events from standard input, and a producer that waits at most 1 ms for the
    // cluster's metadata (60 s in production): its first send fails as it would in an outage
    Topics topics = stack.uniqueTopics();
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      lines.add(
          "{\"type\":\"troop-deployment\",\"header\":{\"eventId\":\"blocked-"
              + i
              + "\",\"sourceName\":\"s\",\"sourceKind\":\"OBSERVED\","
              + "\"eventTime\":\"2024-10-08T00:00:00Z\",\"origin\":\"PRK\","
              + "\"destination\":\"RUS\"},\"personnel\":"
              + (100 * i)
              + "}");
    }
    byte[] stdin = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    StringWriter reportText = new StringWriter();
    IngestResult result;
    long producerFailed;

    // when
    try (EventProducer producer =
            EventProducer.builder(stack.bootstrapServers(), stack.schemaRegistryUrl())
                .topics(topics)
                .property("max.block.ms", 1)
                .build();
        RejectionReport report = new RejectionReport(reportText, true)) {
      result =
          new Ingest(
                  producer,
                  null,
                  report,
                  false,
                  false,
                  IngestProgress.silent(),
                  new EventValidator())
              .run(
                  List.of(
                      IngestInput.stream("-", InputFormat.JSONL, new ByteArrayInputStream(stdin))));
      producerFailed = producer.failed();
    }

    // then: each send the cluster did not take is in the report with its line as it came in, to
    // be sent again; none is counted as produced
    assertThat(result.failedSends()).isPositive().isEqualTo(producerFailed);
    assertThat(result.produced() + result.failedSends()).isEqualTo(3);
    List<JsonNode> rows = new ArrayList<>();
    for (String row : reportText.toString().lines().toList()) {
      rows.add(new ObjectMapper().readTree(row));
    }
    assertThat(rows).hasSize((int) result.failedSends());
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.get("file").asText()).isEqualTo("-");
              assertThat(row.get("reason").asText())
                  .startsWith("not acknowledged by the cluster, not produced");
              assertThat(row.get("raw").asText()).isEqualTo(lines.get(row.get("line").asInt() - 1));
            });
  }

  @Test
  void shouldListTheRecordARefusedSendStoppedTheRunAtWithItsText(KafkaStack stack)
      throws IOException {
    // given: the cluster answers, the registry does not (a closed port), so the first event's
    // schema cannot be registered and the producer refuses to send it
    Topics topics = stack.uniqueTopics();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String first =
        "{\"type\":\"worker-dispatch\",\"header\":{\"eventId\":\"unregistered-1\","
            + "\"sourceName\":\"s\",\"sourceKind\":\"OBSERVED\",\"eventTime\":\"2024-01-01\","
            + "\"origin\":\"PRK\",\"destination\":\"RUS\"},\"workers\":400}";
    byte[] stdin =
        (first + "\n" + first.replace("-1", "-2") + "\n").getBytes(StandardCharsets.UTF_8);
    StringWriter reportText = new StringWriter();

    // when
    Throwable stopped;
    try (EventProducer producer =
            EventProducer.builder(stack.bootstrapServers(), "http://127.0.0.1:" + closedPort)
                .topics(topics)
                .build();
        RejectionReport report = new RejectionReport(reportText, true)) {
      Ingest ingest =
          new Ingest(
              producer, null, report, false, false, IngestProgress.silent(), new EventValidator());
      stopped =
          catchThrowable(
              () ->
                  ingest.run(
                      List.of(
                          IngestInput.stream(
                              "-", InputFormat.JSONL, new ByteArrayInputStream(stdin)))));
    }

    // then: the run stops at the first line, which is in the report as it came in
    assertThat(stopped).isInstanceOf(KafkaException.class);
    assertThat(reportText.toString().lines())
        .singleElement()
        .satisfies(
            line -> {
              JsonNode row = new ObjectMapper().readTree(line);
              assertThat(row.get("line").asInt()).isEqualTo(1);
              assertThat(row.get("reason").asText())
                  .startsWith("not produced, ingest stopped at this record (event unregistered-1)");
              assertThat(row.get("raw").asText()).isEqualTo(first);
            });
  }
}
