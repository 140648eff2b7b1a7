package io.transfermonitor.streams.screen;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Designation;
import io.transfermonitor.schemas.registry.InMemorySchemaRegistry;
import io.transfermonitor.schemas.serde.AvroSerde;
import io.transfermonitor.streams.Designations;
import io.transfermonitor.streams.MockStores;
import java.util.List;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DesignationStoreUpdaterTest {

  private static final String SCOPE = "designation-store-updater";

  private final MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
  private final DesignationChanges changes = new DesignationChanges();
  private final DesignationStoreUpdater updater =
      new DesignationStoreUpdater("designations", changes);
  private KeyValueStore<String, Designation> store;

  @BeforeEach
  void init() {
    store =
        MockStores.keyValue(
            context,
            "designations",
            AvroSerde.forValue(InMemorySchemaRegistry.scope(SCOPE), Designation.class));
    updater.init(context);
  }

  @AfterEach
  void dropRegistry() {
    InMemorySchemaRegistry.dropScope(SCOPE);
  }

  @Test
  void shouldReplaceADesignationByItsReferenceAndCountEachChange() {
    // given
    Designation ftb = Designations.foreignTradeBank();
    Designation amended = Designation.newBuilder(ftb).setAliases(List.of("Mooyokbank")).build();

    // when
    updater.process(new Record<>("KPe.047", ftb, 0));
    updater.process(new Record<>("KPe.047", amended, 0));

    // then
    assertThat(store.get("KPe.047")).isEqualTo(amended);
    assertThat(changes.count()).isEqualTo(2);
  }

  @Test
  void shouldRemoveADelistedDesignationOnItsTombstone() {
    // given
    updater.process(new Record<>("KPe.047", Designations.foreignTradeBank(), 0));

    // when
    updater.process(new Record<String, Designation>("KPe.047", null, 0));

    // then
    assertThat(store.get("KPe.047")).isNull();
    assertThat(changes.count()).isEqualTo(2);
  }

  @Test
  void shouldTakeTheReferenceFromTheValueWhenTheKeyIsMissing() {
    // when
    updater.process(new Record<>(null, Designations.kwangsonBank(), 0));

    // then
    assertThat(store.get("KPe.025")).isNotNull();
  }
}
