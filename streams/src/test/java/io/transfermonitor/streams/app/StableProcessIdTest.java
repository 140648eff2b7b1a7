package io.transfermonitor.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StableProcessIdTest {

  @TempDir Path state;

  @Test
  void anInstanceGetsTheSameProcessIdOnAnEmptiedStateDirectory() throws Exception {
    UUID first = StableProcessId.ensure(state, "monitor", "monitor-0").orElseThrow();
    Path file = state.resolve("monitor").resolve(StableProcessId.FILE);
    assertThat(file).hasContent("{\"processId\":\"" + first + "\"}");

    Files.delete(file); // the state directory emptied
    UUID again = StableProcessId.ensure(state, "monitor", "monitor-0").orElseThrow();

    assertThat(again).isEqualTo(first);
    assertThat(StableProcessId.of("monitor", "monitor-1")).isNotEqualTo(first);
    assertThat(StableProcessId.of("other-monitor", "monitor-0")).isNotEqualTo(first);
  }

  @Test
  void anExistingIdAndAnUnnamedInstanceAreLeftToKafkaStreams() throws Exception {
    Path file = Files.createDirectories(state.resolve("monitor")).resolve(StableProcessId.FILE);
    Files.writeString(file, "{\"processId\":\"6b2ad1f0-0000-4000-8000-000000000001\"}");

    assertThat(StableProcessId.ensure(state, "monitor", "monitor-0")).isEmpty();
    assertThat(file).hasContent("{\"processId\":\"6b2ad1f0-0000-4000-8000-000000000001\"}");
    assertThat(StableProcessId.ensure(state, "unnamed", "")).isEmpty();
    assertThat(state.resolve("unnamed")).doesNotExist();
  }
}
