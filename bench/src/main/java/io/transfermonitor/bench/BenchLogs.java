package io.transfermonitor.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.transfermonitor.streams.errors.RejectedRecordHandler;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The benchmark's log levels: client and broker INFO logs would cost time in the measured passes
 * and bury the figures, so only warnings are printed, and not even those of a few loggers that warn
 * on every record or batch the benchmark provokes on purpose.
 */
final class BenchLogs {

  private BenchLogs() {}

  /** Sets the levels; does nothing when Logback is not the SLF4J binding. */
  static void quiet() {
    level(Logger.ROOT_LOGGER_NAME, Level.WARN);
    // expected, retried or routed on purpose, one line each: the undecodable records the workload
    // sends (1 in 2,000) and the producers' retries
    for (String name :
        List.of(
            "org.apache.kafka.streams.processor.internals.RecordDeserializer",
            // retriable CONCURRENT_TRANSACTIONS / OUT_OF_ORDER_SEQUENCE_NUMBER while the previous
            // transaction's markers are written: one warning per retried batch, every commit
            "org.apache.kafka.clients.producer.internals.Sender",
            RejectedRecordHandler.class.getName())) {
      level(name, Level.ERROR);
    }
    // brokers with transactions version 2 reject the first batches of a new transactional
    // producer with a retriable OutOfOrderSequence and log each at ERROR; the client retries them
    level("kafka.server.ReplicaManager", Level.OFF);
  }

  private static void level(String name, Level level) {
    if (LoggerFactory.getLogger(name) instanceof Logger logger) {
      logger.setLevel(level);
    }
  }
}
