package io.transfermonitor.streams.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CaseChange;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class FiledAlertTest {

  /** The alert a case files is the one the builder made: every field of the alert, and its case. */
  @Test
  void aFiledAlertIsTheAlertWithItsCase() {
    for (Alert alert :
        new Alert[] {
          CaseAlerts.munitions("c-1", "2024-03-01T00:00:00Z", 3),
          CaseAlerts.capLevel("BREACH", 1_000_000)
        }) {
      Alert filed = CaseProcessor.filed(alert, CaseAlerts.ARMS_PRK_RUS, CaseChange.OPENED);

      Alert expected =
          Alert.newBuilder(alert)
              .setCaseId(CaseAlerts.ARMS_PRK_RUS)
              .setCaseChange(CaseChange.OPENED)
              .build();
      for (Schema.Field field : Alert.getClassSchema().getFields()) {
        assertThat(filed.get(field.pos())).as(field.name()).isEqualTo(expected.get(field.pos()));
      }
      assertThat(filed).isEqualTo(expected);
      assertThat(alert.getCaseId()).as("the alert read is unchanged").isNull();
    }
  }
}
