package io.transfermonitor.streams.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives an instance with a name of its own ({@code tm.instance.id}) the same Kafka Streams process
 * id on every start, even on an emptied state directory. Under exactly-once a stream thread's
 * transactional id is {@code <application id>-<process id>-<thread>}, and Kafka Streams keeps the
 * process id in its state directory ({@code kafka-streams-process-metadata}), making up a new one
 * when the file is missing. A restarted instance with the old id fences its predecessor's open
 * transaction at once; with a new id that transaction stays open until the broker times it out, and
 * until then no one reading committed records gets past it on the partitions it wrote (the
 * restarted instance's own changelogs, while it restores them, included).
 *
 * <p>So before Kafka Streams starts, a missing file is written with an id made from the application
 * id and the instance id (a name-based UUID: distinct instances get distinct ids, as static
 * membership requires distinct instance ids). An existing file is left as it is. Without an
 * instance id nothing is done: Kafka Streams' own random id is right for an instance that is a new
 * member at every start.
 */
final class StableProcessId {

  private static final Logger LOG = LoggerFactory.getLogger(StableProcessId.class);

  /** Kafka Streams' file, in the application's state directory. */
  static final String FILE = "kafka-streams-process-metadata";

  private StableProcessId() {}

  /** The process id for {@code instanceId} of {@code applicationId}. */
  static UUID of(String applicationId, String instanceId) {
    return UUID.nameUUIDFromBytes(
        (applicationId + "\n" + instanceId).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes the process id file of {@code applicationId} under {@code stateDir} when it is missing
   * and {@code instanceId} is not empty; returns the id written, if any.
   */
  static Optional<UUID> ensure(Path stateDir, String applicationId, String instanceId) {
    if (instanceId == null || instanceId.isBlank()) {
      return Optional.empty();
    }
    Path file = stateDir.resolve(applicationId).resolve(FILE);
    if (Files.exists(file)) {
      return Optional.empty();
    }
    UUID id = of(applicationId, instanceId);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "{\"processId\":\"" + id + "\"}", StandardCharsets.UTF_8);
      LOG.info(
          "process id {} for instance {} (its transactional ids fence a predecessor's open"
              + " transactions at once, even on an emptied state directory)",
          id,
          instanceId);
      return Optional.of(id);
    } catch (IOException e) {
      LOG.warn("could not write {}: {}; Kafka Streams makes up a process id", file, e.toString());
      return Optional.empty();
    }
  }
}
