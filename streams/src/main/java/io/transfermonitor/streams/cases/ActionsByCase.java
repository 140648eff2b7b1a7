package io.transfermonitor.streams.cases;

import io.transfermonitor.model.CaseAction;
import io.transfermonitor.streams.fact.HeaderAllowList;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Operator actions keyed by the case they name, on their way to the case's task; a tombstone on the
 * actions topic names no case and goes no further. The record's headers stay behind but for the
 * monitor's own ({@link HeaderAllowList}): an action written with a header near the broker's size
 * limit would otherwise fail the repartition write, and with it the stream thread, on every retry.
 */
public final class ActionsByCase implements Processor<String, CaseAction, String, CaseAction> {

  private ProcessorContext<String, CaseAction> context;

  @Override
  public void init(ProcessorContext<String, CaseAction> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, CaseAction> record) {
    CaseAction action = record.value();
    if (action != null) {
      context.forward(
          record.withKey(action.getCaseId()).withHeaders(HeaderAllowList.keep(record.headers())));
    }
  }
}
