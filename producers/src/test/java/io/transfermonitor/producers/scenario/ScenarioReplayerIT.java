package io.transfermonitor.producers.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.producers.EventProducer;
import io.transfermonitor.producers.TopicReader;
import io.transfermonitor.schemas.EventTypes;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The seed scenario replayed into a real broker: every event in the topic of its kind. */
@ExtendWith(KafkaStackExtension.class)
class ScenarioReplayerIT {

  @Test
  void shouldProduceEverySeedEventToTheTopicOfItsKindKeyedByItsId(KafkaStack stack)
      throws IOException {
    Topics topics = stack.uniqueTopics();
    ReplayResult result;
    try (EventProducer producer =
            EventProducer.builder(stack.bootstrapServers(), stack.schemaRegistryUrl())
                .topics(topics)
                .build();
        InputStream seed = ScenarioReplayer.seed()) {
      result = ScenarioReplayer.replay(seed, producer);
      assertThat(producer.acknowledged()).isEqualTo(result.produced());
    }

    Map<EventKind, Long> expected =
        SeedScenarioFile.events().stream()
            .collect(Collectors.groupingBy(EventTypes::kindOf, Collectors.counting()));
    assertThat(result.rejected()).isZero();
    assertThat(result.producedByKind()).isEqualTo(expected);
    // every kind the seeds report (vessel activities come from the demo's AIS positions)
    for (EventKind kind : expected.keySet()) {
      Class<? extends SpecificRecord> type = EventTypes.recordClass(kind);
      List<? extends ConsumerRecord<String, ? extends SpecificRecord>> records =
          TopicReader.read(stack, topics.eventTopic(kind), type, expected.get(kind).intValue());
      assertThat(records).as(kind.name()).hasSize(expected.get(kind).intValue());
      assertThat(records)
          .allSatisfy(
              r -> assertThat(EventTypes.headerOf(r.value()).getEventId()).isEqualTo(r.key()));
    }
  }
}
