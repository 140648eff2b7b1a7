package io.transfermonitor.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The registry's state: subjects with their versions, schemas by global id, compatibility levels.
 * Every change is first written to the compacted {@value #TOPIC} topic and then applied in memory;
 * on open the topic is replayed, so ids and versions survive a restart of the stack.
 *
 * <p>Records: key {@code {"keytype":"SCHEMA","subject":s,"version":v}} with value {@code
 * {"subject","version","id","schema"}}; key {@code {"keytype":"CONFIG","subject":s|null}} with
 * value {@code {"compatibilityLevel":level}}. One writer (this JVM) owns the topic.
 */
final class SchemaStore implements AutoCloseable {

  static final String TOPIC = "_schemas";

  /** One version of a subject. */
  record Version(String subject, int version, int id, Schema schema) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, List<Version>> subjects = new TreeMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<String, Compatibility> subjectLevels = new HashMap<>();
  private Compatibility globalLevel = Compatibility.BACKWARD;
  private final KafkaProducer<String, String> producer;

  private SchemaStore(KafkaProducer<String, String> producer) {
    this.producer = producer;
  }

  /**
   * Creates {@value #TOPIC} if needed, replays it, and returns a store ready for writes. {@code
   * clientProps}: {@code bootstrap.servers} and whatever else the broker wants of its clients
   * (security settings).
   */
  static SchemaStore open(Map<String, Object> clientProps) {
    createTopic(clientProps);
    Properties producerProps = new Properties();
    producerProps.putAll(clientProps);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, "tm-dev-schema-registry");
    SchemaStore store =
        new SchemaStore(
            new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer()));
    store.replay(clientProps);
    return store;
  }

  private static void createTopic(Map<String, Object> clientProps) {
    try (Admin admin = Admin.create(clientProps)) {
      NewTopic topic =
          new NewTopic(TOPIC, Optional.of(1), Optional.empty())
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      admin.createTopics(List.of(topic)).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create " + TOPIC + ": " + e.getCause(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating " + TOPIC, e);
    }
  }

  private void replay(Map<String, Object> clientProps) {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tm-dev-schema-registry-replay");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    TopicPartition partition = new TopicPartition(TOPIC, 0);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (consumer.position(partition, TIMEOUT) < end) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("timed out reading " + TOPIC + " up to offset " + end);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          apply(record.key(), record.value());
        }
      }
    }
  }

  private void apply(String key, String value) {
    if (value == null) {
      return;
    }
    try {
      JsonNode k = JSON.readTree(key);
      JsonNode v = JSON.readTree(value);
      String subject = k.path("subject").isNull() ? null : k.path("subject").asText(null);
      switch (k.path("keytype").asText()) {
        case "SCHEMA" -> {
          Schema schema = new Schema.Parser().parse(v.get("schema").asText());
          int id = v.get("id").asInt();
          schemasById.put(id, schema);
          idsBySchema.put(schema.toString(), id);
          subjects
              .computeIfAbsent(subject, s -> new ArrayList<>())
              .add(new Version(subject, v.get("version").asInt(), id, schema));
        }
        case "CONFIG" -> {
          Compatibility level = Compatibility.parse(v.get("compatibilityLevel").asText());
          if (subject == null) {
            globalLevel = level;
          } else {
            subjectLevels.put(subject, level);
          }
        }
        default -> {
          // records of other kinds (e.g. written by another registry) are not ours to interpret
        }
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable record in " + TOPIC + ": " + key, e);
    }
  }

  private void write(String key, String value) {
    try {
      producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot write to " + TOPIC + ": " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted writing to " + TOPIC, e);
    }
    apply(key, value);
  }

  /** Parses schema text or fails with Confluent's 42201. */
  static Schema parse(String text) {
    if (text == null || text.isBlank()) {
      throw new RegistryError(422, RegistryError.INVALID_SCHEMA, "Empty schema");
    }
    try {
      return new Schema.Parser().parse(text);
    } catch (SchemaParseException e) {
      throw new RegistryError(
          422, RegistryError.INVALID_SCHEMA, "Invalid schema: " + e.getMessage());
    }
  }

  /**
   * Registers {@code schema} under {@code subject}: the existing version if already there,
   * otherwise a new version with the global id of an identical schema, or a new id.
   */
  synchronized Version register(String subject, Schema schema) {
    Optional<Version> existing = lookup(subject, schema);
    if (existing.isPresent()) {
      return existing.get();
    }
    List<Version> versions = subjects.getOrDefault(subject, List.of());
    Compatibility level = level(subject);
    String violation = level.violation(schema, versions.stream().map(Version::schema).toList());
    if (violation != null) {
      throw new RegistryError(
          409,
          409,
          "Schema being registered is incompatible with an earlier schema for subject '"
              + subject
              + "' under "
              + level
              + ": "
              + violation);
    }
    int id =
        idsBySchema.getOrDefault(
            schema.toString(),
            schemasById.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1);
    int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
    ObjectNode key = JSON.createObjectNode();
    key.put("keytype", "SCHEMA").put("subject", subject).put("version", version);
    ObjectNode value = JSON.createObjectNode();
    value
        .put("subject", subject)
        .put("version", version)
        .put("id", id)
        .put("schema", schema.toString());
    write(key.toString(), value.toString());
    return new Version(subject, version, id, schema);
  }

  /** The version of {@code subject} holding {@code schema}, if any. */
  synchronized Optional<Version> lookup(String subject, Schema schema) {
    String text = schema.toString();
    return subjects.getOrDefault(subject, List.of()).stream()
        .filter(v -> v.schema().toString().equals(text))
        .findFirst();
  }

  synchronized List<String> subjects() {
    return List.copyOf(subjects.keySet());
  }

  /** Versions of {@code subject}, oldest first, or 40401. */
  synchronized List<Version> versions(String subject) {
    List<Version> versions = subjects.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    return List.copyOf(versions);
  }

  /** Version {@code v} ("latest", "-1" or a number) of {@code subject}, or 40401/40402/42202. */
  synchronized Version version(String subject, String v) {
    List<Version> versions = versions(subject);
    if (v.equals("latest") || v.equals("-1")) {
      return versions.get(versions.size() - 1);
    }
    int wanted;
    try {
      wanted = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new RegistryError(
          422,
          RegistryError.INVALID_VERSION,
          "The specified version '" + v + "' is not a valid version id.");
    }
    return versions.stream()
        .filter(x -> x.version() == wanted)
        .findFirst()
        .orElseThrow(() -> RegistryError.versionNotFound(subject, v));
  }

  synchronized Schema schemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw RegistryError.schemaNotFound("id " + id);
    }
    return schema;
  }

  /**
   * Whether {@code schema} may be registered under {@code subject} against version {@code v}
   * ("latest" with the subject's level; a subject without versions accepts anything).
   */
  synchronized String violation(String subject, String v, Schema schema) {
    List<Version> versions = subjects.getOrDefault(subject, List.of());
    if (versions.isEmpty()) {
      if (v.equals("latest") || v.equals("-1")) {
        return null;
      }
      throw RegistryError.subjectNotFound(subject);
    }
    List<Schema> against =
        v.equals("latest") || v.equals("-1")
            ? versions.stream().map(Version::schema).toList()
            : List.of(version(subject, v).schema());
    return level(subject).violation(schema, against);
  }

  synchronized Compatibility level(String subject) {
    return subject == null ? globalLevel : subjectLevels.getOrDefault(subject, globalLevel);
  }

  /** The level set on {@code subject} itself, if any. */
  synchronized Optional<Compatibility> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  /** Sets the level of {@code subject}, or the global level when {@code subject} is null. */
  synchronized void setLevel(String subject, Compatibility level) {
    ObjectNode key = JSON.createObjectNode();
    key.put("keytype", "CONFIG").put("subject", subject);
    ObjectNode value = JSON.createObjectNode();
    value.put("compatibilityLevel", level.name());
    write(key.toString(), value.toString());
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
