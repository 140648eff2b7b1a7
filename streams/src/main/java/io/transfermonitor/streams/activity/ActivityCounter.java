package io.transfermonitor.streams.activity;

import io.transfermonitor.model.Activity;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage 8, activity. In: {@link ActivityPartial}s keyed by row (what one task's facts added to the
 * row since its last flush, repartitioned, so each row lives in one task). Adds each to its row in
 * the {@code activity} store; out, keyed by row: the row's new {@link Activity} for the compacted
 * aggregate topic.
 */
public final class ActivityCounter implements Processor<String, ActivityPartial, String, Activity> {

  private final String storeName;
  private ProcessorContext<String, Activity> context;
  private KeyValueStore<String, ActivityTally> rows;

  public ActivityCounter(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, Activity> context) {
    this.context = context;
    this.rows = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, ActivityPartial> record) {
    ActivityPartial partial = record.value();
    ActivityTally held = rows.get(record.key());
    ActivityTally tally = (held == null ? ActivityTally.none() : held).plus(partial.added());
    rows.put(record.key(), tally);
    context.forward(record.withValue(activity(record.key(), partial.row(), tally)));
  }

  private Activity activity(String key, ActivityCount count, ActivityTally tally) {
    return Activity.newBuilder()
        .setDimension(count.dimension())
        .setValue(key)
        .setEventCount(tally.eventCount())
        .setQuantity(
            tally.quantities().size() == 1 ? tally.quantities().values().iterator().next() : null)
        .setUpdatedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
        .setEventKind(count.kind())
        .setWeek(count.weekly() ? count.bucket() : null)
        .setPeriod(count.weekly() ? null : count.bucket())
        .setOrigin(count.origin())
        .setDestination(count.destination())
        .setTransportMode(count.transportMode())
        .setRouteStart(count.routeStart())
        .setRouteEnd(count.routeEnd())
        .setQuantities(tally.quantities())
        .setDeliveryCount(tally.deliveryCount())
        .setCorroboratedDeliveryCount(tally.corroboratedDeliveryCount())
        .build();
  }
}
