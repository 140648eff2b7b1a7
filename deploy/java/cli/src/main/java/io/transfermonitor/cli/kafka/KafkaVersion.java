package io.transfermonitor.cli.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;

/**
 * The version of the Kafka clients on the class path, as {@code kafka-clients} records it in its
 * own {@code kafka/kafka-version.properties}. Read from that file because Kafka 4.4 moved the class
 * that used to expose it ({@code AppInfoParser}) into an {@code internals} package: it was never
 * public API.
 */
public final class KafkaVersion {

  private static final String RESOURCE = "/kafka/kafka-version.properties";

  private KafkaVersion() {}

  /** The clients' version, such as {@code 4.4.0}, or {@code unknown} if the jar lacks the file. */
  public static String clients() {
    try (InputStream in = Admin.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties props = new Properties();
      props.load(in);
      return props.getProperty("version", "unknown").trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + " from kafka-clients", e);
    }
  }
}
