package io.transfermonitor.cli;

import io.transfermonitor.cli.format.AvroJson;
import io.transfermonitor.cli.kafka.Reachability;
import io.transfermonitor.cli.kafka.UnavailableException;
import io.transfermonitor.cli.settings.LocalDefaults;
import io.transfermonitor.cli.settings.Settings;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;

/**
 * What the reference-data commands ({@code vessels}, {@code chpl}, {@code makers} and their {@code
 * load}) share: the clients' settings with the cluster and the registry checked first, a read or a
 * publish whose failure names the topic and the cluster, the listing as a table or JSON lines, and
 * what a publish changed.
 */
final class ReferenceTopic {

  /** How long a publish may wait for the cluster before it says it cannot reach it. */
  private static final int MAX_BLOCK_MS = 30_000;

  /** A read or a publish on a reference topic. */
  @FunctionalInterface
  interface Call<T> {
    T run(Map<String, Object> props);
  }

  private final String topic;
  private final Map<String, Object> props;

  private ReferenceTopic(String topic, Map<String, Object> props) {
    this.topic = topic;
    this.props = props;
  }

  /** The topic {@code name} of the cluster {@code settings} name, checked to be reachable. */
  static ReferenceTopic of(Settings settings, String name) {
    Map<String, Object> props =
        settings.clientProperties(LocalDefaults.BOOTSTRAP, LocalDefaults.REGISTRY);
    Reachability.require(props, Optional.of(LocalDefaults.registryUrl(settings)));
    return new ReferenceTopic(name, props);
  }

  String name() {
    return topic;
  }

  /** Reads the topic with {@code read}; a failure names the topic and the cluster. */
  <T> T read(Call<T> read) {
    return call("cannot read " + topic, read);
  }

  /** Publishes {@code what} with {@code publish}; a failure names the topic and the cluster. */
  <T> T publish(String what, Call<T> publish) {
    Map<String, Object> producing = new HashMap<>(props);
    producing.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
    return call("cannot publish " + what + " to " + topic, producing, publish);
  }

  private <T> T call(String failed, Call<T> call) {
    return call(failed, props, call);
  }

  private static <T> T call(String failed, Map<String, Object> props, Call<T> call) {
    try {
      return call.run(props);
    } catch (IllegalStateException | KafkaException e) {
      throw new UnavailableException(
          failed + " on " + props.get("bootstrap.servers") + ": " + e.getMessage(), e);
    }
  }

  /** What a publish changed: its summary, then each key it removed. */
  void printPublished(PrintWriter out, String summary, Collection<String> removed) {
    out.printf("published to %s: %s%n", topic, summary);
    removed.forEach(key -> out.println("  removed " + key));
    out.flush();
  }

  /**
   * Lists {@code values}: one JSON object a line with {@code json}, else a table of {@code header}
   * and a {@code row} each, ended by the count of {@code what} ("HS codes", "makers").
   */
  <V extends SpecificRecord> void list(
      PrintWriter out,
      boolean json,
      Collection<V> values,
      String header,
      Function<V, String> row,
      String what) {
    if (json) {
      values.forEach(v -> out.println(AvroJson.line(v)));
    } else {
      out.println(header);
      values.forEach(v -> out.println(row.apply(v)));
      out.printf(Locale.ROOT, "%,d %s on %s%n", values.size(), what, topic);
    }
    out.flush();
  }
}
