package io.transfermonitor.testkit;

import io.transfermonitor.schemas.TopicLayout;
import io.transfermonitor.schemas.Topics;
import java.util.Map;

/**
 * A Kafka broker and a schema registry shared by every integration test of a run, handed out by
 * {@link KafkaStackExtension}. Tests isolate themselves with unique names, not with fresh brokers.
 */
public interface KafkaStack {

  /** {@code bootstrap.servers} for any Kafka client. */
  String bootstrapServers();

  /** {@code schema.registry.url} for the Avro serdes (Confluent REST API). */
  String schemaRegistryUrl();

  /**
   * {@code bootstrap.servers} and {@code schema.registry.url}: what any client of the stack needs.
   */
  default Map<String, Object> clientProperties() {
    return Map.of(
        "bootstrap.servers", bootstrapServers(), "schema.registry.url", schemaRegistryUrl());
  }

  /**
   * A name no other call returns during this run, starting with {@code base} (made safe for topic
   * names, application ids and group ids): e.g. {@code alerts} becomes {@code alerts-7-k3j9}.
   */
  String uniqueName(String base);

  /**
   * Every topic name of the monitor under a prefix no other test uses, with all topics already
   * created (one partition each; compaction and retention as in production).
   */
  Topics uniqueTopics();

  /** Like {@link #uniqueTopics()}, with the topics created according to {@code layout}. */
  Topics uniqueTopics(TopicLayout layout);

  /** Which kind of stack this is, for logs: "embedded" or "testcontainers". */
  String kind();
}
