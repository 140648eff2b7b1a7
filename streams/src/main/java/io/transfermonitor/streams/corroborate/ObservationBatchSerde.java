package io.transfermonitor.streams.corroborate;

import io.transfermonitor.internal.FactRecord;
import io.transfermonitor.internal.ObservationBatchRecord;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.fact.FactSerde;
import io.transfermonitor.streams.fact.InternalAvro;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An {@link ObservationBatch} on the {@code observations-by-vessel} repartition topic: the internal
 * Avro record {@link ObservationBatchRecord} (the facts as {@link FactRecord}s) behind its schema
 * version byte; the bucket is the record's key.
 */
public final class ObservationBatchSerde implements Serde<ObservationBatch> {

  static final byte VERSION = 1;

  private static final InternalAvro<ObservationBatchRecord> FORM =
      new InternalAvro<>(ObservationBatchRecord.class, VERSION, Map.of());

  @Override
  public Serializer<ObservationBatch> serializer() {
    return (topic, batch) -> {
      if (batch == null) {
        return null;
      }
      List<FactRecord> facts = new ArrayList<>(batch.facts().size());
      batch.facts().forEach(f -> facts.add(FactSerde.record(f, true)));
      return FORM.write(new ObservationBatchRecord(facts), "observations for " + topic);
    };
  }

  /** Reads the facts; the bucket, from the key, is not needed to process them and reads as -1. */
  @Override
  public Deserializer<ObservationBatch> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      List<Fact> facts = new ArrayList<>();
      FORM.read(bytes, topic).getFacts().forEach(r -> facts.add(FactSerde.fact(r, null)));
      return new ObservationBatch(-1, facts);
    };
  }
}
