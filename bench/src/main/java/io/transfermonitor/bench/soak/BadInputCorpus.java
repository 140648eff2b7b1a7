package io.transfermonitor.bench.soak;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CaseAction;
import io.transfermonitor.model.CaseActionKind;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.Severity;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.schemas.serde.AvroSerializer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Bad records of every class a producer can send straight to an event topic, seeded and each
 * distinct, to be sent among the good ones; then accounted for, each by its source topic, partition
 * and offset on the rejected topic, with the stage its class should be rejected at.
 */
final class BadInputCorpus {

  /** The classes of bad records, with where the monitor must set them aside. */
  enum BadClass {
    NOT_AVRO(RejectionStage.DESERIALIZATION),
    UNKNOWN_SCHEMA_ID(RejectionStage.DESERIALIZATION),
    ANOTHER_TOPICS_SCHEMA(RejectionStage.DESERIALIZATION),
    TRUNCATED_AVRO(RejectionStage.DESERIALIZATION),
    OVERLONG_AVRO(RejectionStage.DESERIALIZATION),
    NULL_KEY_JUNK(RejectionStage.DESERIALIZATION),
    WRONG_TYPE_KEY_JUNK(RejectionStage.DESERIALIZATION),
    HUGE_STRING(RejectionStage.VALIDATION),
    NAN_QUANTITY(RejectionStage.VALIDATION),
    INFINITE_QUANTITY(RejectionStage.VALIDATION),
    NEGATIVE_QUANTITY(RejectionStage.VALIDATION),
    HUGE_QUANTITY(RejectionStage.VALIDATION),
    FAR_PAST_TIME(RejectionStage.VALIDATION),
    FAR_FUTURE_TIME(RejectionStage.VALIDATION),
    EMPTY_ID(RejectionStage.VALIDATION),
    HUGE_ID(RejectionStage.VALIDATION),
    TOMBSTONE(RejectionStage.VALIDATION),
    /** An array of more items than an event may hold, some of them 400,000 empty references. */
    MANY_REFERENCES(RejectionStage.VALIDATION),
    /** An invalid event carrying a record header of about 1 MB (it compresses to a few KB). */
    BIG_HEADER(RejectionStage.VALIDATION),
    /** An operator action on no case, its reason 120,000 characters, on the case-actions topic. */
    LONG_REASON_ACTION(RejectionStage.CASE_ACTION);

    final RejectionStage stage;

    BadClass(RejectionStage stage) {
      this.stage = stage;
    }
  }

  private final int size;
  private final long seed;

  private BadInputCorpus(int size, long seed) {
    this.size = size;
    this.seed = seed;
  }

  static BadInputCorpus generate(int size, long seed) {
    return new BadInputCorpus(size, seed);
  }

  int size() {
    return size;
  }

  /** Sends the corpus in shares through its own producer, remembering where each record went. */
  Sender sender(String bootstrapServers, SoakRegistry registry, Topics topics) {
    return new Sender(bootstrapServers, registry, topics);
  }

  /** How many of each class were found on the rejected topic, at the stage expected or not. */
  record Accounting(
      Map<BadClass, Integer> sent,
      Map<BadClass, Integer> found,
      Map<BadClass, Integer> wrongStage,
      long failedSends) {

    boolean complete() {
      return failedSends == 0 && sent.equals(found) && wrongStage.isEmpty();
    }

    int total(Map<BadClass, Integer> counts) {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  final class Sender implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final Topics topics;
    private final AvroSerializer<SpecificRecord> serializer;
    private final SplittableRandom random = new SplittableRandom(seed ^ 0x5eed);
    private final Map<String, BadClass> sentAt = new ConcurrentHashMap<>();
    private final Map<String, BadClass> sentActions = new ConcurrentHashMap<>();
    private final Map<BadClass, Integer> sent = new EnumMap<>(BadClass.class);
    private long failed;
    private int next;

    private Sender(String bootstrapServers, SoakRegistry registry, Topics topics) {
      this.topics = topics;
      this.serializer =
          new AvroSerializer<>(SchemaRegistryClients.forUrl(registry.url()), true, false);
      Map<String, Object> props = new HashMap<>();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
      props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
      props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
      this.producer =
          new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
      // register both schemas now, so a registry outage later finds their ids cached
      encoded(delivery("warm-up"), topics.eventTopic(EventKind.TANKER_DELIVERY));
      serializer.serialize(topics.alerts(), alert("warm-up"));
      serializer.serialize(topics.caseActions(), action("warm-up", "warm-up"));
    }

    /** Sends the next 1/{@code shares} of the corpus. */
    void sendShare(int shares) {
      int until = Math.min(size, next + (size + shares - 1) / shares);
      for (; next < until; next++) {
        BadClass kind = BadClass.values()[next % BadClass.values().length];
        send(next, kind);
      }
    }

    private void send(int n, BadClass kind) {
      String id = "bad-" + seed + "-" + n;
      if (kind == BadClass.LONG_REASON_ACTION) {
        sendAction(id);
        return;
      }
      String topic = topics.eventTopic(EventKind.TANKER_DELIVERY);
      byte[] key = id.getBytes(StandardCharsets.UTF_8);
      byte[] value = value(kind, id, topic);
      if (kind == BadClass.NULL_KEY_JUNK) {
        key = null;
      } else if (kind == BadClass.WRONG_TYPE_KEY_JUNK) {
        key = ByteBuffer.allocate(8).putLong(n).array();
      }
      ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key, value);
      if (kind == BadClass.BIG_HEADER) {
        // alike bytes: about 1 MB to whoever reads the record, a few KB compressed on the wire
        byte[] header = new byte[1_000_000 + random.nextInt(100_000)];
        Arrays.fill(header, (byte) 'h');
        record.headers().add("x-soak-big", header);
      }
      sent.merge(kind, 1, Integer::sum);
      producer.send(
          record,
          (metadata, e) -> {
            if (e != null) {
              synchronized (this) {
                failed++;
              }
            } else {
              sentAt.put(where(metadata.topic(), metadata.partition(), metadata.offset()), kind);
            }
          });
    }

    /** An operator action on a case that does not exist, with a reason of 120,000 characters. */
    private void sendAction(String id) {
      String caseId = "no-such-case-" + id;
      CaseAction action = action(id, caseId);
      String topic = topics.caseActions();
      sent.merge(BadClass.LONG_REASON_ACTION, 1, Integer::sum);
      sentActions.put(id, BadClass.LONG_REASON_ACTION);
      producer.send(
          new ProducerRecord<>(
              topic, caseId.getBytes(StandardCharsets.UTF_8), serializer.serialize(topic, action)),
          (metadata, e) -> {
            if (e != null) {
              synchronized (this) {
                failed++;
              }
            }
          });
    }

    private byte[] value(BadClass kind, String id, String topic) {
      return switch (kind) {
        case NOT_AVRO, NULL_KEY_JUNK, WRONG_TYPE_KEY_JUNK -> junk(1 + random.nextInt(300));
        case UNKNOWN_SCHEMA_ID -> {
          byte[] v = encoded(delivery(id), topic);
          ByteBuffer.wrap(v, 1, 4).putInt(900_000_000 + random.nextInt(1_000_000));
          yield v;
        }
        case ANOTHER_TOPICS_SCHEMA -> serializer.serialize(topics.alerts(), alert(id));
        case TRUNCATED_AVRO -> {
          byte[] v = encoded(delivery(id), topic);
          yield Arrays.copyOf(v, 6 + random.nextInt(v.length - 7));
        }
        case OVERLONG_AVRO -> {
          byte[] v = encoded(delivery(id), topic);
          byte[] longer = Arrays.copyOf(v, v.length + 1 + random.nextInt(64));
          longer[v.length] = 1;
          yield longer;
        }
        case HUGE_STRING -> {
          TankerDelivery t = delivery(id);
          t.setVesselName("V".repeat(600_000 + random.nextInt(1_000_000)));
          yield encoded(t, topic);
        }
        case NAN_QUANTITY -> encoded(withQuantity(id, Double.NaN), topic);
        case INFINITE_QUANTITY -> encoded(withQuantity(id, Double.POSITIVE_INFINITY), topic);
        case NEGATIVE_QUANTITY -> encoded(withQuantity(id, -1 - random.nextInt(1_000_000)), topic);
        case HUGE_QUANTITY -> encoded(withQuantity(id, 1e12 * (1 + random.nextInt(1_000))), topic);
        case FAR_PAST_TIME ->
            encoded(withTime(id, Long.MIN_VALUE + random.nextInt(1 << 30)), topic);
        case FAR_FUTURE_TIME ->
            encoded(
                withTime(
                    id,
                    Instant.parse("2100-01-01T00:00:00Z").toEpochMilli() + random.nextInt(1 << 30)),
                topic);
        case EMPTY_ID -> {
          TankerDelivery t = delivery(id);
          t.getHeader().setEventId("");
          t.setVesselName(id); // distinct even without an id
          yield encoded(t, topic);
        }
        case HUGE_ID -> {
          TankerDelivery t = delivery(id);
          t.getHeader().setEventId(id + "-" + "x".repeat(2_000 + random.nextInt(10_000)));
          yield encoded(t, topic);
        }
        case TOMBSTONE -> null;
        case MANY_REFERENCES -> {
          TankerDelivery t = delivery(id);
          // the first and every 100th of the class: the flood that once made a 1.2 MB record
          int nth = sent.getOrDefault(BadClass.MANY_REFERENCES, 0);
          int items = nth % 100 == 0 ? 400_000 : 1_001 + random.nextInt(20_000);
          t.getHeader().setReferences(Collections.nCopies(items, ""));
          yield encoded(t, topic);
        }
        case BIG_HEADER -> encoded(withQuantity(id, -1 - random.nextInt(1_000)), topic);
        case LONG_REASON_ACTION -> throw new IllegalArgumentException("sent by sendAction");
      };
    }

    private byte[] encoded(SpecificRecord record, String topic) {
      return serializer.serialize(topic, record);
    }

    private byte[] junk(int length) {
      byte[] b = new byte[length];
      for (int i = 0; i < length; i++) {
        b[i] = (byte) random.nextInt(256);
      }
      b[0] = (byte) (1 + random.nextInt(255)); // never the wire format's magic byte
      return b;
    }

    void flush() {
      producer.flush();
    }

    /** Finds every record sent among {@code rejected}, by where it was written. */
    Accounting account(List<ConsumerRecord<String, RejectedEvent>> rejected) {
      Map<BadClass, Integer> found = new EnumMap<>(BadClass.class);
      Map<BadClass, Integer> wrongStage = new EnumMap<>(BadClass.class);
      for (ConsumerRecord<String, RejectedEvent> r : rejected) {
        RejectedEvent e = r.value();
        BadClass kind;
        if (e.getStage() == RejectionStage.CASE_ACTION) {
          // a refused action is named by its id: the case stage reads it after a repartition
          kind = e.getEventId() == null ? null : sentActions.get(e.getEventId());
        } else {
          kind =
              e.getSourceTopic() == null
                  ? null
                  : sentAt.get(
                      where(e.getSourceTopic(), e.getSourcePartition(), e.getSourceOffset()));
        }
        if (kind != null) {
          found.merge(kind, 1, Integer::sum);
          if (e.getStage() != kind.stage) {
            wrongStage.merge(kind, 1, Integer::sum);
          }
        }
      }
      synchronized (this) {
        return new Accounting(new EnumMap<>(sent), found, wrongStage, failed);
      }
    }

    @Override
    public void close() {
      producer.close();
    }
  }

  private static String where(String topic, Integer partition, Long offset) {
    return topic + "-" + partition + "@" + offset;
  }

  private static TankerDelivery delivery(String id) {
    return TankerDelivery.newBuilder()
        .setHeader(
            EventHeader.newBuilder()
                .setEventId(id)
                .setSourceName("soak bad input")
                .setSourceKind(SourceKind.OBSERVED)
                .setEventTime(Instant.parse("2024-05-01T00:00:00Z"))
                .setOrigin("RUS")
                .setDestination("PRK")
                .build())
        .setVesselName("Bad input " + id)
        .setVesselFlag("SLE")
        .setProductClass(ProductClass.REFINED)
        .setProduct("DIESEL")
        .setQuantity(100)
        .setUnit("BARREL")
        .build();
  }

  private static TankerDelivery withQuantity(String id, double quantity) {
    TankerDelivery t = delivery(id);
    t.setQuantity(quantity);
    return t;
  }

  private static TankerDelivery withTime(String id, long millis) {
    TankerDelivery t = delivery(id);
    t.getHeader().setEventTime(Instant.ofEpochMilli(millis));
    return t;
  }

  private static CaseAction action(String id, String caseId) {
    return CaseAction.newBuilder()
        .setActionId(id)
        .setCaseId(caseId)
        .setAction(CaseActionKind.ACKNOWLEDGE)
        .setBy("soak")
        .setReason("r".repeat(120_000))
        .setRequestedAt(Instant.parse("2024-05-01T00:00:00Z"))
        .build();
  }

  private static Alert alert(String id) {
    return Alert.newBuilder()
        .setAlertId(id)
        .setRuleId("not-an-event")
        .setLegalBasis("none")
        .setRuleKind(RuleKind.BAN)
        .setSeverity(Severity.LOW)
        .setEventTime(Instant.parse("2024-05-01T00:00:00Z"))
        .setProcessedAt(Instant.parse("2024-05-01T00:00:00Z"))
        .setMessage("an alert sent to an event topic")
        .build();
  }
}
