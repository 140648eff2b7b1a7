package io.transfermonitor.streams.app;

import io.transfermonitor.testkit.KafkaStack;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka properties a monitor started by an integration test runs with on the test stack. */
final class StackProperties {

  private StackProperties() {}

  /** The stack's broker and registry, with the monitor's state kept in {@code stateDir}. */
  static Properties of(KafkaStack stack, Path stateDir) {
    Properties props = new Properties();
    props.putAll(stack.clientProperties());
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return props;
  }
}
