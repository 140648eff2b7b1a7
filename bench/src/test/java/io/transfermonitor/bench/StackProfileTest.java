package io.transfermonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.bench.StackProfile.FrameShare;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackProfileTest {

  private static final String RUN = "org.apache.kafka.streams.processor.internals.StreamThread.run";
  private static final String PROCESS = "io.transfermonitor.streams.ledger.LedgerProcessor.process";
  private static final String FORWARD =
      "org.apache.kafka.streams.processor.internals.ProcessorContextImpl.forward";
  private static final String DECODE =
      "io.transfermonitor.schemas.serde.AvroDeserializer.deserialize";
  private static final String SEND = "org.apache.kafka.clients.producer.KafkaProducer.send";

  @Test
  void shouldCountTheRunningFrameAsSelfAndEveryFrameOnTheStackAsInclusive() {
    // given four samples, the running frame first
    StackProfile profile =
        StackProfile.of(
            List.of(
                List.of(DECODE, PROCESS, RUN),
                List.of(DECODE, PROCESS, RUN),
                List.of(SEND, FORWARD, PROCESS, RUN),
                List.of(PROCESS, RUN)));

    // then
    assertThat(profile.samples()).isEqualTo(4);
    // (ties in the order of their names)
    assertThat(profile.topSelf(3))
        .containsExactly(
            new FrameShare(DECODE, 2, 50.0),
            new FrameShare(PROCESS, 1, 25.0),
            new FrameShare(SEND, 1, 25.0));
    assertThat(profile.topInclusive(10))
        .containsExactly(
            new FrameShare(PROCESS, 4, 100.0),
            new FrameShare(RUN, 4, 100.0),
            new FrameShare(DECODE, 2, 50.0),
            new FrameShare(SEND, 1, 25.0),
            new FrameShare(FORWARD, 1, 25.0));
  }

  @Test
  void shouldCountAFrameThatRecursesOnceInItsSample() {
    // given a processor forwarding to itself three levels deep, and one sample elsewhere
    StackProfile profile =
        StackProfile.of(
            List.of(
                List.of(SEND, FORWARD, PROCESS, FORWARD, PROCESS, FORWARD, PROCESS, RUN),
                List.of(RUN)));

    // then no share is above 100 %, and the recursing frames count once in the first sample
    assertThat(profile.topInclusive(4))
        .containsExactly(
            new FrameShare(RUN, 2, 100.0),
            new FrameShare(PROCESS, 1, 50.0),
            new FrameShare(SEND, 1, 50.0),
            new FrameShare(FORWARD, 1, 50.0));
    assertThat(profile.topSelf(5))
        .containsExactly(new FrameShare(SEND, 1, 50.0), new FrameShare(RUN, 1, 50.0));
  }

  @Test
  void shouldPrintSharesOfAllSamplesOneFrameALine() {
    StackProfile profile = new StackProfile();
    for (int i = 0; i < 1_000; i++) {
      profile.add(i < 213 ? List.of(PROCESS, RUN) : List.of(RUN));
    }

    assertThat(profile.lines(1))
        .containsExactly(
            "  top 1 frames by self samples (running)",
            "   78.7 %  " + RUN,
            "  top 1 frames by inclusive samples (on the stack, once per sample)",
            "  100.0 %  " + RUN);
    assertThat(profile.topSelf(2).get(1).percent()).isEqualTo(21.3);
  }
}
