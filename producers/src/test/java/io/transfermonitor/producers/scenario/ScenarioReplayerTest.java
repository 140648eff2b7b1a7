package io.transfermonitor.producers.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.producers.CapturingSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ScenarioReplayerTest {

  @Test
  void shouldReplayTheWholeSeedScenarioWithoutRejects() throws IOException {
    CapturingSink sink = new CapturingSink();
    ReplayResult result;
    try (InputStream seed = ScenarioReplayer.seed()) {
      result = ScenarioReplayer.replay(seed, sink);
    }

    assertThat(result.produced()).isEqualTo(SeedScenarioFile.events().size());
    assertThat(result.rejected()).isZero();
    assertThat(sink.sent).containsExactlyElementsOf(SeedScenarioFile.events());
    // every kind the seeds report; vessel activities come from the demo's AIS positions
    assertThat(result.producedByKind())
        .containsOnlyKeys(
            EnumSet.complementOf(EnumSet.of(EventKind.VESSEL_ACTIVITY)).toArray(EventKind[]::new));
    assertThat(result.producedByKind().get(EventKind.TANKER_DELIVERY)).isEqualTo(53);
  }

  @Test
  void shouldSendABrokenLineToTheRejectedTopicAndGoOn() {
    String scenario =
        """
        {"type":"worker-dispatch","header":{"eventId":"w1","sourceName":"s","sourceKind":"OBSERVED","eventTime":"2024-02-01","origin":"PRK","destination":"RUS"},"workers":-3}
        {"type":"worker-dispatch","header":{"eventId":"w2","sourceName":"s","sourceKind":"OBSERVED","eventTime":"2024-03-01","origin":"PRK","destination":"RUS"},"workers":300}
        """;
    CapturingSink sink = new CapturingSink();

    ReplayResult result =
        ScenarioReplayer.replay(
            new ByteArrayInputStream(scenario.getBytes(StandardCharsets.UTF_8)), sink);

    assertThat(result.produced()).isEqualTo(1);
    assertThat(result.rejected()).isEqualTo(1);
    assertThat(sink.rejected.get(0).getReason()).isEqualTo("workers: must be positive (was -3)");
    assertThat(sink.rejected.get(0).getSourceLine()).isEqualTo(1L);
  }
}
