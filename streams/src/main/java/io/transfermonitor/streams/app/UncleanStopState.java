package io.transfermonitor.streams.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears, before Kafka Streams starts, the task directories it would throw away itself: under
 * exactly-once a task's {@code .checkpoint} file is deleted while the task runs and written again
 * only by a clean close, so a task directory that holds stores and no checkpoint was left by an
 * unclean stop ({@code kill -9}, a crash, a lost machine). Kafka Streams opens every store of such
 * a directory in its start-up pass, finds no checkpoint, reports the task corrupted and wipes it,
 * and the task is restored from the start of its changelogs. Deleting the directory first gives the
 * same result without opening the stores (each open of a RocksDB store costs a fraction of a
 * second, and a monitor has a dozen tasks with stores).
 *
 * <p>Left alone: a directory with a checkpoint (a clean stop: Kafka Streams restores from the
 * checkpointed offsets on), the {@code global} directory, anything that is not a task directory,
 * and everything when another process holds the application directory's lock (Kafka Streams then
 * refuses to start on it) or when transactional state stores are on (their stores are meant to
 * outlive an unclean stop).
 */
final class UncleanStopState {

  private static final Logger LOG = LoggerFactory.getLogger(UncleanStopState.class);

  /** Task directories: {@code <subtopology>_<partition>}, as Kafka Streams names them. */
  private static final Pattern TASK = Pattern.compile("\\d+_\\d+");

  private static final String CHECKPOINT = ".checkpoint";
  private static final String LOCK = ".lock";

  private UncleanStopState() {}

  /**
   * Deletes the task directories of {@code applicationId} under {@code stateDir} that hold stores
   * and no checkpoint; returns their names (task ids), in order.
   */
  static List<String> clear(Path stateDir, String applicationId) {
    Path appDir = stateDir.resolve(applicationId);
    if (!Files.isDirectory(appDir)) {
      return List.of();
    }
    try (FileChannel channel =
            FileChannel.open(
                appDir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel)) {
      if (lock == null) {
        return List.of(); // another process runs on this state directory
      }
      List<String> cleared = new ArrayList<>();
      for (Path task : taskDirectories(appDir)) {
        if (!Files.exists(task.resolve(CHECKPOINT)) && holdsStores(task)) {
          deleteRecursively(task);
          cleared.add(task.getFileName().toString());
        }
      }
      if (!cleared.isEmpty()) {
        LOG.info(
            "state of {} task(s) left by an unclean stop (no checkpoint): {}; their stores are"
                + " restored from their changelogs, as Kafka Streams does under exactly-once",
            cleared.size(),
            cleared);
      }
      return cleared;
    } catch (IOException e) {
      LOG.warn("could not look for state left by an unclean stop in {}: {}", appDir, e.toString());
      return List.of();
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return null; // held in this JVM
    }
  }

  private static List<Path> taskDirectories(Path appDir) throws IOException {
    try (Stream<Path> entries = Files.list(appDir)) {
      return entries
          .filter(Files::isDirectory)
          .filter(p -> TASK.matcher(p.getFileName().toString()).matches())
          .sorted()
          .toList();
    }
  }

  /** Whether the task directory holds any store: any directory in it. */
  private static boolean holdsStores(Path task) throws IOException {
    try (Stream<Path> entries = Files.list(task)) {
      return entries.anyMatch(Files::isDirectory);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
