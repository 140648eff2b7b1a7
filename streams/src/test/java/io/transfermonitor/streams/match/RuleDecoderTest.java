package io.transfermonitor.streams.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Rule;
import io.transfermonitor.producers.rules.RuleFile;
import io.transfermonitor.schemas.registry.InMemorySchemaRegistry;
import io.transfermonitor.schemas.serde.AvroSerde;
import io.transfermonitor.testkit.ProjectFiles;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RuleDecoderTest {

  private final String scope = "rule-decoder-" + UUID.randomUUID();
  private final Serde<Rule> serde =
      RuleDecoder.storeSerde(AvroSerde.forValue(InMemorySchemaRegistry.scope(scope), Rule.class));
  private final List<Rule> rules = RuleFile.load(ProjectFiles.of("deploy/config/rules.yaml"));

  @AfterEach
  void drop() {
    InMemorySchemaRegistry.dropScope(scope);
  }

  @Test
  void shouldDecodeTheSamePayloadOnce() {
    byte[] payload = serde.serializer().serialize("rules", rules.get(0));

    Rule first = serde.deserializer().deserialize("rules", payload);
    Rule again = serde.deserializer().deserialize("rules", payload.clone());

    assertThat(first).isEqualTo(rules.get(0));
    assertThat(again).isSameAs(first);
  }

  @Test
  void shouldDecodeAChangedRuleAfresh() {
    // given a rule as stored, then the same rule with a lower limit (a live change)
    Rule cap = rules.get(0);
    Rule lowered = Rule.newBuilder(cap).setLimit(400_000.0).build();
    serde.deserializer().deserialize("rules", serde.serializer().serialize("rules", cap));

    // when
    Rule read =
        serde.deserializer().deserialize("rules", serde.serializer().serialize("rules", lowered));

    // then
    assertThat(read.getLimit()).isEqualTo(400_000.0);
    assertThat(read.getRuleId()).isEqualTo(cap.getRuleId());
  }
}
