package io.transfermonitor.streams.cases;

import io.transfermonitor.model.CaseAction;
import io.transfermonitor.streams.fact.SourcePointer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Stage 7, operator actions as read. In: {@link CaseAction}s from the case-actions topic, as any
 * producer wrote them. Out, keyed by the case each names: the action within {@link
 * CaseActionLimits}, on the way to the repartition that brings it to its case, with a pointer to
 * the record it was read from as its only header ({@link SourcePointer}). The writer's headers stay
 * on the input record: copied onto the internal one, a header near the broker's size limit would
 * fail the repartition write on every retry. Tombstones carry no action and are dropped.
 */
public final class CaseActionIntake implements Processor<String, CaseAction, String, CaseAction> {

  private ProcessorContext<String, CaseAction> context;

  @Override
  public void init(ProcessorContext<String, CaseAction> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, CaseAction> record) {
    if (record.value() == null) {
      return;
    }
    SourcePointer from =
        context
            .recordMetadata()
            .map(m -> new SourcePointer(m.topic(), m.partition(), m.offset()))
            .orElse(null);
    CaseAction action = CaseActionLimits.capped(record.value(), from);
    Record<String, CaseAction> keyed = record.withKey(action.getCaseId()).withValue(action);
    context.forward(
        from == null
            ? keyed.withHeaders(new RecordHeaders())
            : keyed.withHeaders(from.asHeaders()));
  }
}
