package io.transfermonitor.streams.components;

import io.transfermonitor.model.ComponentTotal;
import io.transfermonitor.streams.fact.Detail;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.reference.ComponentReferences;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Components found in weapons, added up. In: component findings keyed by row ({@link
 * ComponentRows}, repartitioned so each row lives in one task). Counts each finding once in its row
 * of the store; out, keyed by row, the row's new {@link ComponentTotal} for the compacted {@code
 * tm.aggregates.components}. A finding counts as on the priority list when its HS code is listed
 * when it is counted ({@link ComponentReferences}). Reads nothing but component findings: no other
 * kind of event reaches it.
 */
public final class ComponentCounter implements Processor<String, Fact, String, ComponentTotal> {

  private final String storeName;
  private final ComponentReferences references;
  private ProcessorContext<String, ComponentTotal> context;
  private KeyValueStore<String, ComponentTally> rows;

  public ComponentCounter(String storeName, ComponentReferences references) {
    this.storeName = storeName;
    this.references = references;
  }

  @Override
  public void init(ProcessorContext<String, ComponentTotal> context) {
    this.context = context;
    this.rows = context.getStateStore(storeName);
    references.init(context);
  }

  @Override
  public void process(Record<String, Fact> record) {
    ComponentTally held = rows.get(record.key());
    ComponentTally before = held == null ? ComponentTally.none() : held;
    Fact fact = record.value();
    boolean listed =
        fact.detail() instanceof Detail.Component c && references.listing(c.hsCode()) != null;
    ComponentTally after = before.plus(fact, listed);
    if (after == before) {
      return; // counted already: a re-send
    }
    rows.put(record.key(), after);
    context.forward(record.withValue(total(record.key(), after, context.currentSystemTimeMs())));
  }

  /** The row {@code key} as written to the aggregate topic. */
  public static ComponentTotal total(String key, ComponentTally tally, long nowMillis) {
    return ComponentTotal.newBuilder()
        .setDimension(ComponentRows.dimension(key))
        .setValue(ComponentRows.value(key))
        .setFindings(tally.eventIds().size())
        .setPriorityListed(tally.priorityListed())
        .setNewestManufactured(
            tally.newestManufactured() == null
                ? null
                : Instant.ofEpochMilli(tally.newestManufactured()))
        .setMakers(tally.makers())
        .setUpdatedAt(Instant.ofEpochMilli(nowMillis))
        .build();
  }
}
