package io.transfermonitor.testkit;

import io.transfermonitor.schemas.TopicLayout;
import io.transfermonitor.schemas.TopicProvisioner;
import io.transfermonitor.schemas.Topics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A started stack (embedded or containers) and how to stop it. Stored once in JUnit's root store,
 * so it is closed when the whole run ends.
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit 5 closes AutoCloseable too since 5.13
final class SharedKafkaStack
    implements KafkaStack, AutoCloseable, ExtensionContext.Store.CloseableResource {

  private static final TopicLayout TEST_LAYOUT =
      TopicLayout.defaults().withPartitions(1).withReplicationFactor((short) 1);

  private final String kind;
  private final String bootstrapServers;
  private final String schemaRegistryUrl;
  private final Map<String, Object> adminProps;
  private final AutoCloseable shutdown;
  private final AtomicInteger counter = new AtomicInteger();
  private final String runTag = randomTag();
  private Admin admin;
  private boolean closed;

  SharedKafkaStack(
      String kind, String bootstrapServers, String schemaRegistryUrl, AutoCloseable shutdown) {
    this(
        kind,
        bootstrapServers,
        schemaRegistryUrl,
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
        shutdown);
  }

  /** A stack whose topics are created by an admin client with {@code adminProps}. */
  SharedKafkaStack(
      String kind,
      String bootstrapServers,
      String schemaRegistryUrl,
      Map<String, Object> adminProps,
      AutoCloseable shutdown) {
    this.kind = kind;
    this.bootstrapServers = bootstrapServers;
    this.schemaRegistryUrl = schemaRegistryUrl;
    this.adminProps = Map.copyOf(adminProps);
    this.shutdown = shutdown;
  }

  @Override
  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public String schemaRegistryUrl() {
    return schemaRegistryUrl;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public String uniqueName(String base) {
    String safe = base.replaceAll("[^A-Za-z0-9._-]", "-");
    return safe + "-" + counter.incrementAndGet() + "-" + runTag;
  }

  @Override
  public Topics uniqueTopics() {
    return uniqueTopics(TEST_LAYOUT);
  }

  @Override
  public Topics uniqueTopics(TopicLayout layout) {
    Topics topics = Topics.withPrefix(uniqueName("t") + ".");
    List<String> names =
        TopicProvisioner.createAll(admin(), topics, layout).stream()
            .map(TopicProvisioner.Outcome::topic)
            .toList();
    awaitLeaders(names);
    return topics;
  }

  /**
   * Waits until every partition of {@code names} has a leader in the cluster's metadata: {@code
   * createTopics} returns when the controller has taken the topics, before every broker serves
   * them, and a first write then meets errors and retries. Once in CI a test's first write to a new
   * topic was appended and its retry refused as out of sequence for two minutes; whether the early
   * write caused it is not proven, but waiting costs a few milliseconds.
   */
  private void awaitLeaders(List<String> names) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try {
      while (!led(names)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("topics without a leader after 30 s: " + names);
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the leaders of " + names, e);
    }
  }

  private boolean led(List<String> names) throws InterruptedException {
    try {
      return admin()
          .describeTopics(names)
          .allTopicNames()
          .get(10, TimeUnit.SECONDS)
          .values()
          .stream()
          .flatMap(d -> d.partitions().stream())
          .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    } catch (ExecutionException | TimeoutException notYet) {
      return false; // a topic not yet in the metadata: ask again
    }
  }

  private synchronized Admin admin() {
    if (admin == null) {
      admin = Admin.create(adminProps);
    }
    return admin;
  }

  @Override
  public synchronized void close() throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (admin != null) {
        admin.close();
      }
    } finally {
      shutdown.close();
    }
  }

  private static String randomTag() {
    return Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36)
        .toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return kind + " stack (Kafka " + bootstrapServers + ", registry " + schemaRegistryUrl + ")";
  }
}
