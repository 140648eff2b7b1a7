package io.transfermonitor.streams.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class AlertsByCaseTest {

  private static final String CAP = "unscr-2397-refined-petroleum-cap";
  private final AlertsByCase partitioner = new AlertsByCase();

  @Test
  void shouldPutEveryLevelOfOneCapPeriodOnOnePartition() {
    // given the four levels of one cap, period and basis: one case, ids that hash apart
    List<Optional<Set<Integer>>> partitions =
        IntStream.range(0, 4)
            .mapToObj(i -> alert(CAP + "/2024-01-01/OBSERVED", CAP + "/level-" + i))
            .map(
                a -> partitioner.partitions("tm.alerts", a.getAlertId(), a, new RecordHeaders(), 6))
            .toList();

    // then
    assertThat(partitions).allSatisfy(p -> assertThat(p).isEqualTo(partitions.get(0)));
    assertThat(partitions.get(0)).get().satisfies(p -> assertThat(p).hasSize(1));
  }

  @Test
  void shouldPutACaseWhereKafkasDefaultPartitionerPutsItsOperatorActions() {
    // given an action keyed by its case id, as the repartition before the case stage writes it
    String caseId = "unscr-1718-arms-embargo/PRK/RUS";
    byte[] key = caseId.getBytes(java.nio.charset.StandardCharsets.UTF_8);

    // then
    for (int partitions : List.of(1, 2, 3, 6, 12)) {
      Alert alert = alert(caseId, "unscr-1718-arms-embargo/e" + partitions);
      assertThat(
              partitioner.partitions(
                  "tm.alerts", alert.getAlertId(), alert, new RecordHeaders(), partitions))
          .contains(Set.of(BuiltInPartitioner.partitionForKey(key, partitions)));
    }
  }

  @Test
  void shouldSpreadDifferentCasesOverPartitions() {
    Set<Optional<Set<Integer>>> used =
        Stream.of("a", "b", "c", "d", "e", "f", "g", "h")
            .map(c -> alert("rule/" + c, "rule/" + c + "/x"))
            .map(
                a -> partitioner.partitions("tm.alerts", a.getAlertId(), a, new RecordHeaders(), 6))
            .collect(Collectors.toSet());
    assertThat(used).hasSizeGreaterThan(1);
  }

  private static Alert alert(String caseId, String alertId) {
    return Alert.newBuilder()
        .setAlertId(alertId)
        .setRuleId(caseId.split("/")[0])
        .setCaseId(caseId)
        .setLegalBasis("UNSCR 2397 (2017) OP5")
        .setRuleKind(RuleKind.CAP)
        .setSeverity(Severity.HIGH)
        .setEventTime(Instant.EPOCH)
        .setProcessedAt(Instant.EPOCH)
        .setMessage("m")
        .build();
  }
}
