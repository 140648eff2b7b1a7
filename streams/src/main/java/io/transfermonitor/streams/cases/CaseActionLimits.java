package io.transfermonitor.streams.cases;

import io.transfermonitor.model.CaseAction;
import io.transfermonitor.streams.fact.SourcePointer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * How much text an operator action may carry into its case, and the cut when it carries more. The
 * CLI refuses a longer reason before writing anything ({@link #reasonTooLong}); another producer
 * may write anything to the case-actions topic, so the monitor cuts what it reads ({@link #capped})
 * before the action is repartitioned or kept: every action is kept in the case's history and on the
 * audit topic, and a case is one Kafka record.
 */
public final class CaseActionLimits {

  /** Characters (code points) of a reason a case keeps: a long paragraph of notes. */
  public static final int MAX_REASON_CHARS = 4_000;

  /** Characters of who acts. */
  static final int MAX_BY_CHARS = 200;

  /** Characters of an action id or a case id; a longer one keeps its start and a digest. */
  static final int MAX_ID_CHARS = 200;

  private static final int ID_HEAD_CHARS = 160;

  private CaseActionLimits() {}

  /** Why the CLI does not write {@code reason}, or empty when a case keeps it whole. */
  public static Optional<String> reasonTooLong(String reason) {
    int chars = reason == null ? 0 : reason.codePointCount(0, reason.length());
    return chars <= MAX_REASON_CHARS
        ? Optional.empty()
        : Optional.of(
            String.format(
                "the reason is %,d characters; a case keeps at most %,d: shorten it, or put the"
                    + " notes in a document and give its reference",
                chars, MAX_REASON_CHARS));
  }

  /**
   * {@code action} within the limits: itself when it is; else with its reason cut to its first
   * {@value #MAX_REASON_CHARS} characters, saying so and where the whole action stays ({@code
   * from}, null when unknown), and {@code reasonCutFrom} set; who acts cut with an ellipsis, and an
   * over-long action or case id cut to its start and a digest of the whole (two long ids stay
   * apart, and a re-sent action still matches the first).
   */
  public static CaseAction capped(CaseAction action, SourcePointer from) {
    String reason = action.getReason();
    int reasonChars = reason == null ? 0 : reason.codePointCount(0, reason.length());
    boolean within =
        reasonChars <= MAX_REASON_CHARS
            && length(action.getBy()) <= MAX_BY_CHARS
            && length(action.getActionId()) <= MAX_ID_CHARS
            && length(action.getCaseId()) <= MAX_ID_CHARS;
    if (within) {
      return action;
    }
    CaseAction.Builder cut = CaseAction.newBuilder(action);
    if (reasonChars > MAX_REASON_CHARS) {
      cut.setReason(cutReason(reason, reasonChars, from)).setReasonCutFrom(reasonChars);
    }
    if (length(action.getBy()) > MAX_BY_CHARS) {
      cut.setBy(head(action.getBy(), MAX_BY_CHARS - 1) + "…");
    }
    cut.setActionId(cutId(action.getActionId()));
    cut.setCaseId(cutId(action.getCaseId()));
    return cut.build();
  }

  private static String cutReason(String reason, int chars, SourcePointer from) {
    return String.format(
        "%s [… cut by the monitor: %,d characters written, the first %,d kept; the whole"
            + " action is at %s]",
        head(reason, MAX_REASON_CHARS),
        chars,
        MAX_REASON_CHARS,
        from == null
            ? "the case-actions topic"
            : from.topic() + "-" + from.partition() + "@" + from.offset());
  }

  /** {@code id}, or its start and a digest of the whole when it is longer than the limit. */
  static String cutId(String id) {
    if (id == null || id.length() <= MAX_ID_CHARS) {
      return id;
    }
    return head(id, ID_HEAD_CHARS) + "…#" + digest(id);
  }

  /** The first {@code chars} code points of {@code text}, never half of a surrogate pair. */
  private static String head(String text, int chars) {
    if (text.codePointCount(0, text.length()) <= chars) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, chars));
  }

  private static int length(String text) {
    return text == null ? 0 : text.length();
  }

  private static String digest(String id) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
