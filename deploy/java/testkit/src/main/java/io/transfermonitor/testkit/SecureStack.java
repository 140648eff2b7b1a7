package io.transfermonitor.testkit;

import io.transfermonitor.embedded.StackSecurity;
import io.transfermonitor.schemas.TopicLayout;
import io.transfermonitor.schemas.Topics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The started secure stack: a {@link SharedKafkaStack} and the users of its data directory. */
@SuppressWarnings("deprecation") // CloseableResource: JUnit 5 closes AutoCloseable too since 5.13
final class SecureStack
    implements SecureKafkaStack, AutoCloseable, ExtensionContext.Store.CloseableResource {

  private final SharedKafkaStack stack;
  private final StackSecurity security;
  private final Path clientsDir;
  private Map<String, Path> clientSettings;

  SecureStack(SharedKafkaStack stack, StackSecurity security, Path clientsDir) {
    this.stack = stack;
    this.security = security;
    this.clientsDir = clientsDir;
  }

  @Override
  public synchronized Path clientSettings(String user) {
    if (clientSettings == null) {
      clientSettings =
          security.writeClientSettings(clientsDir, bootstrapServers(), schemaRegistryUrl());
    }
    Path file = clientSettings.get(user);
    if (file == null) {
      throw new IllegalArgumentException("no such user of the secure stack: " + user);
    }
    return file;
  }

  @Override
  public List<String> users() {
    return StackSecurity.users();
  }

  @Override
  public String password(String user) {
    return security.password(user);
  }

  @Override
  public Map<String, Object> clientProperties(String user) {
    Map<String, Object> props =
        new LinkedHashMap<>(security.kafkaClientProperties(user, bootstrapServers()));
    props.put("schema.registry.url", schemaRegistryUrl());
    props.putAll(security.registryClientProperties(user));
    return props;
  }

  @Override
  public Path caCertificate() {
    return security.caCertificate();
  }

  @Override
  public String bootstrapServers() {
    return stack.bootstrapServers();
  }

  @Override
  public String schemaRegistryUrl() {
    return stack.schemaRegistryUrl();
  }

  @Override
  public String uniqueName(String base) {
    return stack.uniqueName(base);
  }

  @Override
  public Topics uniqueTopics() {
    return stack.uniqueTopics();
  }

  @Override
  public Topics uniqueTopics(TopicLayout layout) {
    return stack.uniqueTopics(layout);
  }

  @Override
  public String kind() {
    return stack.kind();
  }

  @Override
  public void close() throws Exception {
    stack.close();
  }

  @Override
  public String toString() {
    return stack.toString();
  }
}
