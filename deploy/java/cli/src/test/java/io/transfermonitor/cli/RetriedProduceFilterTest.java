package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.common.errors.KafkaStorageException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

/** Only the retried transactional writes leave the console; every other line stays. */
class RetriedProduceFilterTest {

  @Test
  void shouldDropTheRetriedWritesAndKeepEverythingElse() {
    // given: a logging context with the filter, as logback.xml sets it up
    LoggerContext context = new LoggerContext();
    context.addTurboFilter(new RetriedProduceFilter());
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.setContext(context);
    lines.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(lines);
    Logger sender = context.getLogger(RetriedProduceFilter.SENDER);
    Logger replicas = context.getLogger(RetriedProduceFilter.REPLICA_MANAGER);
    String retrying =
        "Got error produce response with correlation id {} on topic-partition {}, retrying ({}"
            + " attempts left). Error: {}";

    // when
    sender.warn(retrying, 7, "tm.alerts-0", 5, Errors.CONCURRENT_TRANSACTIONS);
    sender.warn(retrying, 8, "tm.alerts-0", 5, Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);
    replicas.error(
        "Error processing append operation on partition tm.alerts-0",
        new OutOfOrderSequenceException("Out of order sequence number"));
    sender.warn(retrying, 9, "tm.alerts-0", 5, Errors.NOT_ENOUGH_REPLICAS);
    replicas.error(
        "Error processing append operation on partition tm.cases-1",
        new KafkaStorageException("disk gone"));

    // then: the two that say something a user can act on are kept
    assertThat(lines.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "Got error produce response with correlation id 9 on topic-partition tm.alerts-0,"
                + " retrying (5 attempts left). Error: NOT_ENOUGH_REPLICAS",
            "Error processing append operation on partition tm.cases-1");
  }
}
