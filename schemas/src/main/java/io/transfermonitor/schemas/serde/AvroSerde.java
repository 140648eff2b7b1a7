package io.transfermonitor.schemas.serde;

import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Serde for one generated Avro class, Confluent wire format, TopicNameStrategy subjects. */
public final class AvroSerde<T extends SpecificRecord> extends Serdes.WrapperSerde<T> {

  public AvroSerde(
      SchemaRegistryClient registry, Class<T> type, boolean autoRegister, boolean isKey) {
    super(
        new AvroSerializer<>(registry, autoRegister, isKey),
        new AvroDeserializer<>(registry, type));
  }

  /** A value serde for {@code type} against {@code registry}, auto-registering. */
  public static <T extends SpecificRecord> Serde<T> forValue(
      SchemaRegistryClient registry, Class<T> type) {
    return new AvroSerde<>(registry, type, true, false);
  }

  /** A value serde for {@code type} from client-style configs ({@code schema.registry.url}...). */
  public static <T extends SpecificRecord> Serde<T> forValue(
      Map<String, ?> configs, Class<T> type) {
    AvroSerdeConfig config = AvroSerdeConfig.from(configs);
    return new AvroSerde<>(
        SchemaRegistryClients.forUrl(config.registryUrl(), configs),
        type,
        config.autoRegister(),
        false);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    // constructed ready to use; Kafka Streams may still call configure
  }
}
