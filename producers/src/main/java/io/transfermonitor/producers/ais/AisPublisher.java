package io.transfermonitor.producers.ais;

import io.transfermonitor.model.VesselPosition;
import io.transfermonitor.model.VesselVoyage;
import io.transfermonitor.producers.ingest.RejectionReport;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Where decoded AIS goes: {@link VesselPosition} to {@link Topics#aisPositions()}, {@link
 * VesselVoyage} to {@link Topics#aisVoyages()}, key = MMSI (so one vessel's reports stay in order
 * on one partition), as Confluent-framed Avro; every {@link AisResult.Rejected} to the ingest
 * report with its file, line, reason and the line as read, so no input is lost without a word.
 * Sends do not wait; {@link #close} flushes and waits for the acknowledgements.
 */
public final class AisPublisher implements Consumer<AisResult>, AutoCloseable {

  private final Producer<String, SpecificRecord> producer;
  private final Topics topics;
  private final RejectionReport report;
  private final String file;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
  private boolean closed;

  /**
   * A publisher over {@code producer} (a test hands in a {@code MockProducer}).
   *
   * @param file the input's name, for the report's file column
   */
  public AisPublisher(
      Producer<String, SpecificRecord> producer,
      Topics topics,
      RejectionReport report,
      String file) {
    this.producer = producer;
    this.topics = topics;
    this.report = report;
    this.file = file;
  }

  /**
   * A publisher with an idempotent Kafka producer and the project's Avro serializer.
   *
   * @param clientProps {@code bootstrap.servers} and {@code schema.registry.url} at least
   */
  public static AisPublisher create(
      Map<String, Object> clientProps, Topics topics, RejectionReport report, String file) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "transfer-monitor-ais");
    AvroSerializer<SpecificRecord> values = new AvroSerializer<>();
    values.configure(props, false);
    return new AisPublisher(
        new KafkaProducer<>(props, new StringSerializer(), values), topics, report, file);
  }

  @Override
  public void accept(AisResult result) {
    if (result instanceof AisResult.Rejected rejected) {
      report(report, file, rejected);
      return;
    }
    SpecificRecord record = ((AisResult.Decoded) result).record();
    ProducerRecord<String, SpecificRecord> out =
        record instanceof VesselPosition position
            ? new ProducerRecord<>(topics.aisPositions(), position.getMmsi(), record)
            : new ProducerRecord<>(topics.aisVoyages(), ((VesselVoyage) record).getMmsi(), record);
    producer.send(out, this::completed);
  }

  /** Lists {@code rejected} in {@code report}: file, line, reason and detail, the line as read. */
  public static void report(RejectionReport report, String file, AisResult.Rejected rejected) {
    report.add(
        file,
        rejected.line(),
        "",
        rejected.reason() + (rejected.detail().isEmpty() ? "" : ": " + rejected.detail()),
        rejected.text());
  }

  private void completed(RecordMetadata metadata, Exception exception) {
    if (exception == null) {
      acknowledged.incrementAndGet();
    } else {
      failed.incrementAndGet();
      firstFailure.compareAndSet(null, exception);
    }
  }

  /** Records the cluster acknowledged. */
  public long acknowledged() {
    return acknowledged.get();
  }

  /** Records the cluster did not take. */
  public long failed() {
    return failed.get();
  }

  /** The first failed send's cause, or null. */
  public Exception firstFailure() {
    return firstFailure.get();
  }

  /** Flushes every send and closes the producer; the counts are final after it. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    producer.flush();
    producer.close(Duration.ofSeconds(30));
  }
}
