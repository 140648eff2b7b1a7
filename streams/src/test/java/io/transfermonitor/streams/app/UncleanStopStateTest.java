package io.transfermonitor.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncleanStopStateTest {

  @TempDir Path state;

  private Path app() {
    return state.resolve("monitor");
  }

  private Path task(String id, boolean checkpoint, String... stores) throws Exception {
    Path task = Files.createDirectories(app().resolve(id));
    for (String store : stores) {
      Files.writeString(Files.createDirectories(task.resolve(store)).resolve("000001.sst"), "x");
    }
    if (checkpoint) {
      Files.writeString(task.resolve(".checkpoint"), "0\n1\nmonitor-events-changelog 1 42\n");
    }
    return task;
  }

  @Test
  void clearsOnlyTheTasksAnUncleanStopLeftWithStores() throws Exception {
    Path killed = task("1_0", false, "rocksdb", "events");
    Path clean = task("1_1", true, "rocksdb");
    Path stateless = task("3_0", false);
    Path global = task("global", false, "rocksdb");
    Files.writeString(app().resolve("kafka-streams-process-metadata"), "processId");

    List<String> cleared = UncleanStopState.clear(state, "monitor");

    assertThat(cleared).containsExactly("1_0");
    assertThat(killed).doesNotExist();
    assertThat(clean.resolve("rocksdb/000001.sst")).exists();
    assertThat(stateless).exists();
    assertThat(global.resolve("rocksdb/000001.sst")).exists();
    // the process id stays: a restarted instance keeps its transactional ids and fences its
    // predecessor's open transactions at once
    assertThat(app().resolve("kafka-streams-process-metadata")).hasContent("processId");
  }

  @Test
  void leavesEverythingWhileAnotherHolderHasTheLock() throws Exception {
    Path killed = task("2_0", false, "rocksdb");
    try (FileChannel channel =
            FileChannel.open(
                app().resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      assertThat(UncleanStopState.clear(state, "monitor")).isEmpty();
    }
    assertThat(killed.resolve("rocksdb/000001.sst")).exists();
  }

  @Test
  void noStateDirectoryYetIsNothingToDo() {
    assertThat(UncleanStopState.clear(state.resolve("absent"), "monitor")).isEmpty();
  }
}
