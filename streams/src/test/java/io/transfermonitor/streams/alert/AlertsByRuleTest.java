package io.transfermonitor.streams.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.Severity;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class AlertsByRuleTest {

  private final AlertsByRule partitioner = new AlertsByRule();

  @Test
  void shouldPutEveryLevelOfOneRuleOnOnePartition() {
    // given the four levels of one cap, with ids that hash apart
    var partitions =
        IntStream.range(0, 4)
            .mapToObj(i -> alert("unscr-2397-refined-petroleum-cap", "level-" + i))
            .map(
                a -> partitioner.partitions("tm.alerts", a.getAlertId(), a, new RecordHeaders(), 6))
            .toList();

    // then
    assertThat(partitions).hasSize(4).allSatisfy(p -> assertThat(p).isEqualTo(partitions.get(0)));
    assertThat(partitions.get(0)).get().satisfies(p -> assertThat(p).hasSize(1));
  }

  @Test
  void shouldSpreadDifferentRulesOverPartitions() {
    Set<Optional<Set<Integer>>> used =
        java.util.stream.Stream.of("a", "b", "c", "d", "e", "f", "g", "h")
            .map(rule -> alert(rule, rule + "/x"))
            .map(
                a -> partitioner.partitions("tm.alerts", a.getAlertId(), a, new RecordHeaders(), 6))
            .collect(java.util.stream.Collectors.toSet());
    assertThat(used).hasSizeGreaterThan(1);
  }

  private static Alert alert(String ruleId, String alertId) {
    return Alert.newBuilder()
        .setAlertId(alertId)
        .setRuleId(ruleId)
        .setLegalBasis("UNSCR 2397 (2017) OP5")
        .setRuleKind(RuleKind.CAP)
        .setSeverity(Severity.HIGH)
        .setEventTime(Instant.EPOCH)
        .setProcessedAt(Instant.EPOCH)
        .setMessage("m")
        .build();
  }
}
