package io.transfermonitor.streams.cases;

import static io.transfermonitor.streams.cases.CaseAlerts.action;
import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.CaseAction;
import io.transfermonitor.model.CaseActionKind;
import io.transfermonitor.streams.fact.SourcePointer;
import org.junit.jupiter.api.Test;

class CaseActionLimitsTest {

  private static final SourcePointer FROM = new SourcePointer("tm.case-actions", 2, 41);

  @Test
  void shouldKeepAnActionWithinTheLimitsAsItIs() {
    // given
    CaseAction action = action("a1", CaseActionKind.ACKNOWLEDGE, "alice", "r".repeat(4_000));

    // when / then
    assertThat(CaseActionLimits.capped(action, FROM)).isSameAs(action);
    assertThat(CaseActionLimits.reasonTooLong(action.getReason())).isEmpty();
  }

  @Test
  void shouldCutAnOverLongReasonToItsStartSayingSoAndWhereTheWholeActionIs() {
    // given
    CaseAction action = action("a1", CaseActionKind.RESOLVE, "alice", "n".repeat(120_000));

    // when
    CaseAction capped = CaseActionLimits.capped(action, FROM);

    // then
    assertThat(capped.getReasonCutFrom()).isEqualTo(120_000);
    assertThat(capped.getReason())
        .isEqualTo(
            "n".repeat(4_000)
                + " [… cut by the monitor: 120,000 characters written, the first 4,000 kept;"
                + " the whole action is at tm.case-actions-2@41]");
    assertThat(capped.getActionId()).isEqualTo("a1");
    assertThat(capped.getBy()).isEqualTo("alice");
  }

  @Test
  void shouldCountCharactersNotHalvesOfSurrogatePairs() {
    // given: 5,000 emoji, two Java chars each
    String emoji = "\uD83D\uDCA5".repeat(5_000);

    // when
    CaseAction capped =
        CaseActionLimits.capped(action("a1", CaseActionKind.RESOLVE, "alice", emoji), FROM);

    // then
    String kept = capped.getReason().substring(0, capped.getReason().indexOf(" [… cut"));
    assertThat(kept).isEqualTo("\uD83D\uDCA5".repeat(4_000));
    assertThat(capped.getReasonCutFrom()).isEqualTo(5_000);
  }

  @Test
  void shouldCutLongIdsAndAuthorsKeepingTwoLongIdsApart() {
    // given
    String common = "id-".repeat(3_000);
    CaseAction first = action(common + "1", CaseActionKind.ACKNOWLEDGE, "b".repeat(1_000), "r");
    CaseAction second = CaseAction.newBuilder(first).setActionId(common + "2").build();

    // when
    CaseAction one = CaseActionLimits.capped(first, FROM);
    CaseAction two = CaseActionLimits.capped(second, FROM);

    // then
    assertThat(one.getActionId()).hasSizeLessThanOrEqualTo(200).isNotEqualTo(two.getActionId());
    assertThat(CaseActionLimits.capped(first, null).getActionId()).isEqualTo(one.getActionId());
    assertThat(one.getBy()).hasSize(200).endsWith("…");
    assertThat(one.getReason()).isEqualTo("r");
    assertThat(one.getReasonCutFrom()).isNull();
  }

  @Test
  void shouldTellTheOperatorHowLongTheReasonIsAndWhatToDo() {
    assertThat(CaseActionLimits.reasonTooLong("x".repeat(120_000)))
        .contains(
            "the reason is 120,000 characters; a case keeps at most 4,000: shorten it, or put"
                + " the notes in a document and give its reference");
  }
}
