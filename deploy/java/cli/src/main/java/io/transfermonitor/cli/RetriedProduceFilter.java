package io.transfermonitor.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.Marker;

/**
 * Keeps the log lines of a transactional write that Kafka retries by itself off the console, and
 * nothing else. With exactly-once processing every commit ends one transaction and the next one's
 * first write can reach a partition while the last one's commit markers are still being written:
 * the broker answers {@code CONCURRENT_TRANSACTIONS}, and the batches already in flight behind that
 * write arrive out of sequence ({@code OUT_OF_ORDER_SEQUENCE_NUMBER}, which the embedded broker's
 * {@code ReplicaManager} logs as an ERROR with an {@link OutOfOrderSequenceException}). The
 * producer retries them in order and they succeed; on a busy machine, where markers take longer,
 * the first {@code demo --once} printed dozens of such lines a user can do nothing about. A write
 * that fails for good still reaches the monitor as an exception, which it reports itself, and every
 * other line of these loggers is kept.
 */
public final class RetriedProduceFilter extends TurboFilter {

  static final String SENDER = "org.apache.kafka.clients.producer.internals.Sender";
  static final String REPLICA_MANAGER = "kafka.server.ReplicaManager";

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger == null || level == null) {
      return FilterReply.NEUTRAL;
    }
    String name = logger.getName();
    if (name.equals(REPLICA_MANAGER)
        && level == Level.ERROR
        && t instanceof OutOfOrderSequenceException) {
      return FilterReply.DENY;
    }
    if (name.equals(SENDER) && level == Level.WARN && params != null) {
      for (Object p : params) {
        if (p == Errors.CONCURRENT_TRANSACTIONS || p == Errors.OUT_OF_ORDER_SEQUENCE_NUMBER) {
          return FilterReply.DENY;
        }
      }
    }
    return FilterReply.NEUTRAL;
  }
}
