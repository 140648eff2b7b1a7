package io.transfermonitor.streams.components;

import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.reference.ComponentReferences;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Files a component finding under its maker and country as the makers table has them ({@link
 * ComponentReferences#resolved}) before it is added up, so the totals count a maker once under its
 * canonical name however the findings write it, as its alerts and cases do.
 */
public final class MakerResolver implements FixedKeyProcessor<String, Fact, Fact> {

  private final ComponentReferences references;
  private FixedKeyProcessorContext<String, Fact> context;

  public MakerResolver(ComponentReferences references) {
    this.references = references;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Fact> context) {
    this.context = context;
    references.init(context);
  }

  @Override
  public void process(FixedKeyRecord<String, Fact> record) {
    context.forward(record.withValue(references.resolved(record.value())));
  }
}
