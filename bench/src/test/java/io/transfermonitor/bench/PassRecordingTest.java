package io.transfermonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real JFR recording of a busy thread, read back as a {@link StackProfile}. */
class PassRecordingTest {

  @Test
  void shouldDumpTheRecordingAndProfileOnlyTheThreadsAsked(@TempDir Path dir) throws Exception {
    // given a thread named like a stream thread, busy in one method for a second, and an idle one
    PassRecording recording = PassRecording.to(dir.resolve("pass.jfr"));
    recording.start();
    Thread busy = new Thread(PassRecordingTest::spinForASecond, "app-1-StreamThread-1");
    busy.start();
    busy.join();
    recording.stop();

    // when
    PassRecording.Profile profile = recording.read(t -> t.contains("StreamThread"), "test");

    // then
    assertThat(Files.size(dir.resolve("pass.jfr"))).isPositive();
    assertThat(profile.stacks().samples())
        .isPositive()
        .isLessThanOrEqualTo(profile.processSamples());
    assertThat(profile.stacks().topInclusive(5))
        .anyMatch(s -> s.frame().equals(PassRecordingTest.class.getName() + ".spinForASecond"));
    assertThat(profile.lines(3).get(0))
        .startsWith("profile of the monitor pass (JFR, " + dir.resolve("pass.jfr") + "): ");
  }

  @Test
  void shouldNameALambdaFrameWithoutTheNumberAndAddressOfItsClass() {
    assertThat(
            PassRecording.frameName(
                "org.apache.kafka.streams.processor.internals.StreamTask$$Lambda$3071"
                    + "+0x00007f6fd4948a28.244958587",
                "run"))
        .isEqualTo("org.apache.kafka.streams.processor.internals.StreamTask$$Lambda.run");
    assertThat(PassRecording.frameName("a.B$$Lambda$12/0x0000000800c4b840", "apply"))
        .isEqualTo("a.B$$Lambda.apply");
    assertThat(PassRecording.frameName("a.B", "lambda$doProcess$0"))
        .isEqualTo("a.B.lambda$doProcess$0");
  }

  @Test
  void shouldRecordNothingWhenNotAsked() {
    PassRecording none = PassRecording.none();

    none.start();
    none.stop();

    assertThat(none.enabled()).isFalse();
  }

  private static void spinForASecond() {
    long end = System.nanoTime() + 1_000_000_000L;
    double sink = 0;
    while (System.nanoTime() < end) {
      sink += Math.sqrt(sink + 1);
    }
    if (sink < 0) {
      throw new AssertionError(); // keeps the loop from being optimised away
    }
  }
}
