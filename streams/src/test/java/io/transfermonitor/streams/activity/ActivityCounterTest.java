package io.transfermonitor.streams.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Activity;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.streams.MockStores;
import io.transfermonitor.streams.ledger.JsonSerde;
import java.util.List;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActivityCounterTest {

  private static final String ROW = "FINANCIAL_TRANSFER/2024-W10/RUS/PRK/-/-/-";

  private final MockProcessorContext<String, Activity> context = new MockProcessorContext<>();
  private final ActivityCounter counter = new ActivityCounter("activity");
  private KeyValueStore<String, ActivityTally> rows;

  @BeforeEach
  void init() {
    rows = MockStores.keyValue(context, "activity", new JsonSerde<>(ActivityTally.class));
    context.setCurrentSystemTimeMs(1_000);
    counter.init(context);
  }

  @Test
  void shouldAddEachCountToItsRowAndKeepCurrenciesApart() {
    // when
    counter.process(new Record<>(ROW, payment("RUB", 1_000_000), 0));
    counter.process(new Record<>(ROW, payment("RUB", 500_000), 0));
    Activity oneCurrency = last();
    counter.process(new Record<>(ROW, payment("USD", 50_000), 0));

    // then
    assertThat(oneCurrency.getQuantity()).isEqualTo(1_500_000.0);
    Activity row = last();
    assertThat(row.getValue()).isEqualTo(ROW);
    assertThat(row.getEventCount()).isEqualTo(3);
    assertThat(row.getQuantities())
        .containsEntry("RUB", 1_500_000.0)
        .containsEntry("USD", 50_000.0);
    assertThat(row.getQuantity()).isNull();
    assertThat(row.getDeliveryCount()).isNull();
    assertThat(rows.get(ROW).eventCount()).isEqualTo(3);
  }

  private Activity last() {
    List<CapturedForward<? extends String, ? extends Activity>> forwarded = context.forwarded();
    return forwarded.get(forwarded.size() - 1).record().value();
  }

  private static ActivityPartial payment(String currency, double amount) {
    return ActivityPartial.of(count(currency, amount));
  }

  private static ActivityCount count(String currency, double amount) {
    return new ActivityCount(
        ActivityCount.WEEKLY,
        EventKind.FINANCIAL_TRANSFER,
        "2024-W10",
        "RUS",
        "PRK",
        null,
        null,
        null,
        currency,
        amount,
        1,
        null,
        null);
  }
}
