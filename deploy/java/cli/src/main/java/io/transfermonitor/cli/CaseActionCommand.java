package io.transfermonitor.cli;

import io.transfermonitor.cli.kafka.CaseSnapshot;
import io.transfermonitor.cli.kafka.UnavailableException;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsException;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseAction;
import io.transfermonitor.model.CaseActionKind;
import io.transfermonitor.model.CaseHistoryEntry;
import io.transfermonitor.model.CaseStep;
import io.transfermonitor.producers.ReferenceWrites;
import io.transfermonitor.streams.cases.CaseActionLimits;
import io.transfermonitor.streams.cases.CaseLifecycle;
import io.transfermonitor.streams.config.DurationText;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cases ack|suppress|resolve|reopen ID --reason TEXT [--by NAME]}: checks the action against
 * the case as it stands on the case topic ({@link CaseLifecycle}, as the monitor will), writes it
 * to the case-actions topic (key = case id) and waits until the monitor has applied it. An unknown
 * case, an illegal transition or a reason longer than a case keeps ({@link CaseActionLimits}) is
 * refused here and nothing is written.
 */
abstract class CaseActionCommand implements Callable<Integer> {

  @Mixin SettingsOptions options;

  @Parameters(index = "0", paramLabel = "ID", description = "The case id, as cases list shows it.")
  String caseId;

  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      description =
          "Why, for the record (at most " + CaseActionLimits.MAX_REASON_CHARS + " characters).")
  String reason;

  @Option(
      names = "--by",
      paramLabel = "NAME",
      description = "Who acts (default: the user running the command).")
  String by = System.getProperty("user.name", "unknown");

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "How long to wait for the monitor to apply it (default ${DEFAULT-VALUE}; 0 = do not wait).")
  int waitSeconds;

  @Spec CommandSpec spec;

  abstract CaseActionKind kind();

  /** When a suppression ends; null for every other action. */
  Instant until() {
    return null;
  }

  @Override
  public Integer call() {
    // refused, not cut: nothing is written in an operator's name that they did not write
    CaseActionLimits.reasonTooLong(reason)
        .ifPresent(
            tooLong -> {
              throw new SettingsException("--reason", "--reason: " + tooLong + "; nothing written");
            });
    Settings settings = options.settings();
    Map<String, Object> props = CaseSnapshot.clientProperties(settings);
    CaseAction action =
        CaseAction.newBuilder()
            .setActionId(UUID.randomUUID().toString())
            .setCaseId(caseId)
            .setAction(kind())
            .setBy(by)
            .setReason(reason)
            .setRequestedAt(Instant.now())
            .setUntil(until())
            .build();
    PrintWriter out = spec.commandLine().getOut();
    try (CaseSnapshot snapshot =
        CaseSnapshot.read(props, settings.topics().cases(), CaseSnapshot.READ_TIMEOUT)) {
      Case current = snapshot.get(caseId).orElseThrow(() -> noSuchCase(caseId));
      Optional<String> refusal = CaseLifecycle.refusal(current, action, System.currentTimeMillis());
      if (refusal.isPresent()) {
        throw new CaseActionRefused(refusal.get() + "; nothing written");
      }
      write(props, settings.topics().caseActions(), action);
      if (waitSeconds <= 0) {
        out.printf("%s written to %s%n", describe(action), settings.topics().caseActions());
        out.flush();
        return 0;
      }
      Optional<Case> applied =
          snapshot.awaitCase(
              caseId,
              c -> CaseLifecycle.seen(c, action.getActionId()),
              Duration.ofSeconds(waitSeconds));
      if (applied.isEmpty()) {
        out.printf(
            "%s written to %s; the monitor has not applied it within %d s (is it running?)%n",
            describe(action), settings.topics().caseActions(), waitSeconds);
        out.flush();
        return 0;
      }
      CaseHistoryEntry step = stepOf(applied.get(), action.getActionId());
      if (step.getStep() == CaseStep.REFUSED) {
        throw new CaseActionRefused("the monitor refused it: " + step.getNote());
      }
      out.printf("%s: case %s is %s%n", describe(action), caseId, applied.get().getStatus());
      out.flush();
      return 0;
    }
  }

  static CaseActionRefused noSuchCase(String caseId) {
    return new CaseActionRefused("no case " + caseId + " (cases list shows them); nothing written");
  }

  /**
   * Writes the action (keyed by its case) the way every reference write goes: acks=all, idempotent.
   */
  private static void write(Map<String, Object> clientProps, String topic, CaseAction action) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    try {
      ReferenceWrites.write(props, topic, Map.of(action.getCaseId(), action), "case action");
    } catch (IllegalStateException | KafkaException e) {
      // the broker's or the registry's reason, not the wrapper's
      Throwable reason =
          e instanceof IllegalStateException && e.getCause() != null ? e.getCause() : e;
      throw new UnavailableException(
          "cannot write the action to " + topic + ": " + reason.getMessage(), e);
    }
  }

  private static CaseHistoryEntry stepOf(Case state, String actionId) {
    return state.getHistory().stream()
        .filter(e -> actionId.equals(e.getActionId()))
        .findFirst()
        .orElseThrow();
  }

  private static String describe(CaseAction action) {
    return CaseLifecycle.verb(action.getAction())
        + " by "
        + action.getBy()
        + " ('"
        + action.getReason()
        + "')"
        + (action.getUntil() == null ? "" : " until " + action.getUntil());
  }

  /** An action the CLI or the monitor refused; nothing was changed. */
  static final class CaseActionRefused extends RuntimeException {
    CaseActionRefused(String message) {
      super(message);
    }
  }

  @Command(
      name = "ack",
      mixinStandardHelpOptions = true,
      description = "Acknowledges an OPEN or REOPENED case: someone works it.")
  public static class Ack extends CaseActionCommand {
    @Override
    CaseActionKind kind() {
      return CaseActionKind.ACKNOWLEDGE;
    }
  }

  @Command(
      name = "suppress",
      mixinStandardHelpOptions = true,
      description = {
        "Suppresses a case: it keeps counting and keeps its evidence, but notifies nobody,",
        "until --until or until lifted (reopen lifts it)."
      })
  public static class Suppress extends CaseActionCommand {
    @Option(
        names = "--until",
        paramLabel = "TIME",
        description =
            "When the suppression ends: 2025-07-01T00:00:00Z, 2025-07-01, or 12h / 7d from now.")
    String until;

    @Override
    CaseActionKind kind() {
      return CaseActionKind.SUPPRESS;
    }

    @Override
    Instant until() {
      return until == null ? null : timeOf(until, Instant.now());
    }
  }

  @Command(
      name = "resolve",
      mixinStandardHelpOptions = true,
      description = "Resolves a case; new evidence reopens it by itself.")
  public static class Resolve extends CaseActionCommand {
    @Override
    CaseActionKind kind() {
      return CaseActionKind.RESOLVE;
    }
  }

  @Command(
      name = "reopen",
      mixinStandardHelpOptions = true,
      description = "Reopens a RESOLVED case, or lifts the suppression of a SUPPRESSED one.")
  public static class Reopen extends CaseActionCommand {
    @Override
    CaseActionKind kind() {
      return CaseActionKind.REOPEN;
    }
  }

  /**
   * {@code text} as an instant: ISO-8601, a date (midnight UTC), or a duration after {@code now}.
   */
  static Instant timeOf(String text, Instant now) {
    String trimmed = text.trim();
    try {
      return Instant.parse(trimmed);
    } catch (DateTimeParseException notAnInstant) {
      try {
        return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notADate) {
        try {
          // whole seconds: the time is written down and read back by people
          return now.plus(DurationText.parse(trimmed)).truncatedTo(ChronoUnit.SECONDS);
        } catch (IllegalArgumentException e) {
          throw new SettingsException(
              "--until",
              "'"
                  + text
                  + "' is not a time (2025-07-01T00:00:00Z, 2025-07-01) or a duration (12h, 7d)");
        }
      }
    }
  }
}
