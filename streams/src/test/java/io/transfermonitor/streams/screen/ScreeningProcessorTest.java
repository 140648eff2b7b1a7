package io.transfermonitor.streams.screen;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.transfermonitor.model.Alias;
import io.transfermonitor.model.AliasQuality;
import io.transfermonitor.model.Designation;
import io.transfermonitor.model.MatchMethod;
import io.transfermonitor.schemas.registry.InMemorySchemaRegistry;
import io.transfermonitor.schemas.serde.AvroSerde;
import io.transfermonitor.streams.Designations;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.MockStores;
import io.transfermonitor.streams.dedupe.SeenEvent;
import io.transfermonitor.streams.dedupe.SeenEventSerde;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScreeningProcessorTest {

  private static final long NOW = 1_750_000_000_000L;
  private static final String SCOPE = "screening-processor";

  private final MockProcessorContext<String, ScreeningHit> context = new MockProcessorContext<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final DesignationChanges changes = new DesignationChanges();
  private final ScreeningProcessor processor =
      new ScreeningProcessor(
          "designations",
          "screened-events",
          "designations-rescreened",
          changes,
          // near misses from 0.45: the few designations here weigh words less than the UN list
          new ScreeningSettings(0.9, 0.45, Duration.ofDays(400), Duration.ofSeconds(1)),
          new MonitorMetrics(meters));
  private KeyValueStore<String, Designation> designations;
  private WindowStore<String, SeenEvent> screened;

  @BeforeEach
  void init() {
    designations =
        MockStores.keyValue(
            context,
            "designations",
            AvroSerde.forValue(InMemorySchemaRegistry.scope(SCOPE), Designation.class));
    screened =
        MockStores.window(context, "screened-events", Duration.ofDays(400), new SeenEventSerde());
    MockStores.keyValue(context, "designations-rescreened", Serdes.Long());
    Designations.dprkSample().forEach(this::designate);
    context.setCurrentSystemTimeMs(NOW);
    processor.init(context);
  }

  @AfterEach
  void dropRegistry() {
    InMemorySchemaRegistry.dropScope(SCOPE);
  }

  @Test
  void shouldForwardOneHitForAPaymentToADesignatedBankAndIndexTheEvent() {
    // when
    screen("p1", "Foreign Trade Bank");

    // then
    assertThat(hits())
        .singleElement()
        .satisfies(
            hit -> {
              assertThat(hit.designationId()).isEqualTo("KPe.047");
              assertThat(hit.party().getName()).isEqualTo("Foreign Trade Bank");
              assertThat(hit.match().method()).isEqualTo(MatchMethod.NAME);
              assertThat(hit.retroactive()).isFalse();
            });
    assertThat(screened.fetch("p1", NOW).alerted()).containsExactly("KPe.047");
  }

  @Test
  void shouldCountANearMissWithoutForwardingIt() {
    // when
    screen("p1", "Trade Bank of Iraq");

    // then
    assertThat(context.forwarded()).isEmpty();
    assertThat(meters.find("tm.screening.near.misses").tag("method", "FUZZY").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void shouldRaiseOneRetroactiveHitWhenADesignationArrivesAfterTheEvent() {
    // given: a payment to a bank nobody has designated yet
    screen("p1", "Ryugyong Commercial Bank");
    assertThat(context.forwarded()).isEmpty();

    // when: the bank is designated, and the rescreen runs twice
    designate(Designations.entity("KPe.099", "RYUGYONG COMMERCIAL BANK", null).build());
    rescreen();
    rescreen();

    // then
    assertThat(hits())
        .singleElement()
        .satisfies(
            hit -> {
              assertThat(hit.designationId()).isEqualTo("KPe.099");
              assertThat(hit.retroactive()).isTrue();
              assertThat(hit.fact().eventId()).isEqualTo("p1");
            });
    assertThat(screened.fetch("p1", NOW).alerted()).containsExactly("KPe.099");
  }

  @Test
  void shouldNotRaiseAgainOnRescreenWhatTheEventRaisedWhenItArrived() {
    // given
    screen("p1", "Foreign Trade Bank");
    context.resetForwards();

    // when: the first rescreen looks at every designation, FTB among them
    rescreen();

    // then
    assertThat(context.forwarded()).isEmpty();
  }

  @Test
  void shouldRaiseForAPastEventWhenANewAliasOfADesignationMatchesIt() {
    // given
    rescreen();
    screen("p1", "Mooyokbank");
    assertThat(context.forwarded()).isEmpty();

    // when
    designate(
        Designation.newBuilder(Designations.foreignTradeBank())
            .setAliases(List.of("Mooyokbank"))
            .setQualifiedAliases(List.of(new Alias("Mooyokbank", AliasQuality.GOOD)))
            .build());
    rescreen();

    // then
    assertThat(hits())
        .singleElement()
        .satisfies(
            hit -> {
              assertThat(hit.designationId()).isEqualTo("KPe.047");
              assertThat(hit.match().method()).isEqualTo(MatchMethod.ALIAS);
              assertThat(hit.retroactive()).isTrue();
            });
  }

  @Test
  void shouldStopMatchingADelistedDesignationAtTheNextEvent() {
    // given
    designations.delete("KPe.047");
    changes.changed();

    // when
    screen("p1", "Foreign Trade Bank");

    // then
    assertThat(hits()).isEmpty();
  }

  @Test
  void shouldIndexNothingForAnEventWithoutParties() {
    // when
    processor.process(
        new Record<>("t1", Fact.of(Events.troops("t1", "2024-10-08T00:00:00Z", 1500)), NOW));

    // then
    assertThat(screened.fetch("t1", NOW)).isNull();
  }

  private void screen(String id, String bank) {
    Fact fact = Fact.of(Events.payment(id, "2024-11-02T00:00:00Z", bank, null));
    // as the re-send check remembers every event it lets through, before screening sees it
    screened.put(id, SeenEvent.first(fact, -1, -1), NOW);
    processor.process(new Record<>(id, fact, NOW));
  }

  private void designate(Designation designation) {
    designations.put(designation.getDesignationId(), designation);
    changes.changed();
  }

  private void rescreen() {
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(NOW);
  }

  private List<ScreeningHit> hits() {
    return context.forwarded().stream()
        .map(CapturedForward::record)
        .<ScreeningHit>map(Record::value)
        .toList();
  }
}
