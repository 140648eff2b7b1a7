package io.transfermonitor.testkit;

import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Hands integration tests a {@link KafkaStack}: declare a parameter of that type (test method,
 * lifecycle method or constructor) in a class annotated
 * {@code @ExtendWith(KafkaStackExtension.class)}.
 *
 * <p>The stack is chosen once per run and logged: Testcontainers ({@code apache/kafka:4.4.0} and
 * Confluent Schema Registry) when a Docker engine answers, the embedded in-JVM stack otherwise. It
 * starts on first use, is shared by every test of the run and stops when the run ends (JUnit's root
 * store). Force a choice with {@code -Dtm.testkit.stack=embedded|testcontainers} or the environment
 * variable {@code TM_TESTKIT_STACK}.
 *
 * <p>A parameter of type {@link SecureKafkaStack} gets the secure embedded stack instead, also
 * started once per run (it takes several seconds longer to start) and shared.
 */
public class KafkaStackExtension implements ParameterResolver {

  private static final Logger log = LoggerFactory.getLogger(KafkaStackExtension.class);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KafkaStackExtension.class);
  private static final String KEY = "stack";
  private static final String SECURE_KEY = "secure-stack";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KafkaStack.class || type == SecureKafkaStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    try {
      if (parameter.getParameter().getType() == SecureKafkaStack.class) {
        return store.getOrComputeIfAbsent(SECURE_KEY, key -> startSecure(), SecureStack.class);
      }
      return store.getOrComputeIfAbsent(KEY, key -> start(), SharedKafkaStack.class);
    } catch (RuntimeException e) {
      throw new ParameterResolutionException("cannot start a Kafka stack for tests: " + e, e);
    }
  }

  private static SecureStack startSecure() {
    long started = System.nanoTime();
    SecureStack stack = EmbeddedBackend.startSecure();
    log.info(
        "secure integration tests use the {}, started in {} ms",
        stack,
        (System.nanoTime() - started) / 1_000_000);
    return stack;
  }

  private static SharedKafkaStack start() {
    long started = System.nanoTime();
    String forced = forcedChoice();
    boolean containers =
        forced != null
            ? forced.equals("testcontainers")
            : DockerClientFactory.instance().isDockerAvailable();
    String why =
        forced != null
            ? "forced by tm.testkit.stack=" + forced
            : containers ? "a Docker engine answered" : "no Docker engine answered";
    SharedKafkaStack stack = containers ? ContainerBackend.start() : EmbeddedBackend.start();
    log.info(
        "integration tests use the {} ({}), started in {} ms",
        stack,
        why,
        (System.nanoTime() - started) / 1_000_000);
    return stack;
  }

  private static String forcedChoice() {
    String value = System.getProperty("tm.testkit.stack", System.getenv("TM_TESTKIT_STACK"));
    if (value == null || value.isBlank()) {
      return null;
    }
    String choice = value.trim().toLowerCase(Locale.ROOT);
    if (!choice.equals("embedded") && !choice.equals("testcontainers")) {
      throw new IllegalArgumentException(
          "tm.testkit.stack must be 'embedded' or 'testcontainers', was '" + value + "'");
    }
    return choice;
  }
}
