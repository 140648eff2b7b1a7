package io.transfermonitor.streams.local;

import io.transfermonitor.model.RuleRecount;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a task carries out the recount requests it has not carried out yet (docs/rules.md): each once
 * its rule is live there (a request for a rule not live yet waits, said once), its batch for the
 * rule's ledgers and its report forwarded together, in the transaction of the send.
 */
final class DueRecounts {

  private static final Logger LOG = LoggerFactory.getLogger(DueRecounts.class);

  private final Set<String> waiting = new HashSet<>();
  private final String what;
  private final String reportSuffix;

  /**
   * @param what what the task counts, for its log ({@code ""} for events, {@code " (observed
   *     deliveries)"} for a vessel's task)
   * @param reportSuffix appended to the report's key {@code REQUEST@TASK}
   */
  DueRecounts(String what, String reportSuffix) {
    this.what = what;
    this.reportSuffix = reportSuffix;
  }

  /** Carries out the requests of {@code recounts} that {@code counted} says are due. */
  void carryOut(
      ProcessorContext<String, PartialTotal> context,
      CountedRules counted,
      KeyValueStore<String, RuleRecount> recounts,
      Function<RuleRecount, Recounter.Outcome> recount,
      long now) {
    String task = context.taskId().toString();
    for (RuleRecount request : counted.due(recounts)) {
      if (!counted.live(request.getRuleId())) {
        if (waiting.add(request.getRequestId())) {
          LOG.info(
              "recount {} of rule {} waits on task {}{}: the rule is not live here",
              request.getRequestId(),
              request.getRuleId(),
              task,
              what);
        }
        continue;
      }
      waiting.remove(request.getRequestId());
      Recounter.Outcome outcome = recount.apply(request);
      outcome
          .batch()
          .ifPresent(
              batch ->
                  context.forward(
                      new Record<>(batch.ruleId(), new PartialTotal.ForLedgers(batch), now)));
      context.forward(
          new Record<>(
              request.getRequestId() + "@" + task + reportSuffix,
              new PartialTotal.Recounted(outcome.report()),
              now));
    }
  }
}
