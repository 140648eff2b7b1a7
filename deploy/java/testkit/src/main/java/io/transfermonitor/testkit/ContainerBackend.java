package io.transfermonitor.testkit;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka ({@code apache/kafka}) and Confluent Schema Registry in Docker containers on one network;
 * the registry reaches the broker through an extra listener on the network alias {@code kafka}.
 * Images can be overridden with {@code -Dtm.testkit.kafka-image} and {@code
 * -Dtm.testkit.schema-registry-image}.
 */
final class ContainerBackend {

  static final String KAFKA_IMAGE = "apache/kafka:4.4.0";
  // the same registry image as deploy/compose
  static final String SCHEMA_REGISTRY_IMAGE = "confluentinc/cp-schema-registry:7.9.0";
  private static final String INTERNAL_BOOTSTRAP = "kafka:19092";

  private ContainerBackend() {}

  static SharedKafkaStack start() {
    Network network = Network.newNetwork();
    KafkaContainer kafka =
        new KafkaContainer(
                DockerImageName.parse(System.getProperty("tm.testkit.kafka-image", KAFKA_IMAGE)))
            .withNetwork(network)
            .withListener(INTERNAL_BOOTSTRAP)
            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
            .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1");
    GenericContainer<?> registry =
        new GenericContainer<>(
                DockerImageName.parse(
                    System.getProperty("tm.testkit.schema-registry-image", SCHEMA_REGISTRY_IMAGE)))
            .withNetwork(network)
            .withNetworkAliases("schema-registry")
            .withExposedPorts(8081)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv(
                "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://" + INTERNAL_BOOTSTRAP)
            .dependsOn(kafka)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
    try {
      kafka.start();
      registry.start();
    } catch (RuntimeException e) {
      registry.stop();
      kafka.stop();
      network.close();
      throw e;
    }
    String registryUrl = "http://" + registry.getHost() + ":" + registry.getMappedPort(8081);
    return new SharedKafkaStack(
        "testcontainers",
        kafka.getBootstrapServers(),
        registryUrl,
        () -> {
          try {
            registry.stop();
            kafka.stop();
          } finally {
            network.close();
          }
        });
  }
}
