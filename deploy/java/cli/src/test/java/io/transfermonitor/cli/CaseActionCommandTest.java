package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code cases ack|suppress|resolve|reopen} refuses before it reads or writes anything. */
class CaseActionCommandTest {

  @Test
  void shouldRefuseAReasonLongerThanACaseKeepsAndWriteNothing() {
    // when: no cluster is there; the reason is refused before one is asked
    CliRun run =
        CliRun.of(
            "cases",
            "resolve",
            "unscr-1718-arms-embargo/PRK/RUS",
            "--reason",
            "n".repeat(120_000),
            "--bootstrap-servers",
            "127.0.0.1:1");

    // then
    assertThat(run.exit()).isEqualTo(TransferMonitor.EXIT_BAD_SETTING);
    assertThat(run.err().strip())
        .isEqualTo(
            "transfer-monitor cases resolve: --reason: the reason is 120,000 characters; a case"
                + " keeps at most 4,000: shorten it, or put the notes in a document and give its"
                + " reference; nothing written");
    assertThat(run.out()).isEmpty();
  }
}
