package io.transfermonitor.cli;

import io.transfermonitor.cli.format.AlertFormat;
import io.transfermonitor.cli.kafka.Reachability;
import io.transfermonitor.cli.kafka.TopicReader;
import io.transfermonitor.cli.settings.LocalDefaults;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.model.Alert;
import io.transfermonitor.schemas.registry.SchemaRegistryException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor alerts}: tails the alert topic ({@code <prefix>alerts}, Avro {@link
 * Alert} values) as a table or JSON lines, until Ctrl-C or {@code --max}. Reads every partition
 * without a consumer group, so it never moves anyone's offsets.
 */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = "Shows alerts as they are raised: a readable table, or JSON lines with --json.")
public class AlertsCommand implements Callable<Integer> {

  @Mixin SettingsOptions options;

  @Option(names = "--from-beginning", description = "Start with the oldest alert kept.")
  boolean fromBeginning;

  @Option(names = "--json", description = "One JSON object per alert and line.")
  boolean json;

  @Option(
      names = "--max",
      paramLabel = "N",
      description = "Stop after N alerts (default: run until Ctrl-C).")
  Integer max;

  @Option(
      names = "--idle-timeout",
      paramLabel = "SECONDS",
      description = "Stop when no alert arrives for this long (default: never).")
  Integer idleTimeout;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Settings settings = options.settings();
    String topic = settings.topics().alerts();
    Map<String, Object> props = settings.kafkaClientProperties(LocalDefaults.BOOTSTRAP);
    Reachability.require(props, Optional.of(LocalDefaults.registryUrl(settings)));
    Reachability.requireTopics(props, List.of(topic));
    String clientId =
        String.valueOf(
            props.getOrDefault(ConsumerConfig.CLIENT_ID_CONFIG, "transfer-monitor-alerts"));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AtomicReference<TopicReader<Alert>> readerRef = new AtomicReference<>();
    AtomicBoolean stopping = new AtomicBoolean();
    CountDownLatch closed = new CountDownLatch(1);
    // Ctrl-C: wake the poll, then let the JVM exit once the consumer has closed
    Thread hook =
        new Thread(
            () -> {
              stopping.set(true);
              readerRef.get().wakeup();
              try {
                closed.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "tm-alerts-stop");
    try (TopicReader<Alert> reader =
        TopicReader.avro(
            props,
            settings.registryClientProperties(LocalDefaults.REGISTRY),
            clientId,
            topic,
            Alert.class)) {
      readerRef.set(reader);
      Runtime.getRuntime().addShutdownHook(hook);
      return tail(reader, out, err);
    } catch (WakeupException e) {
      return stopping.get() ? 0 : 1;
    } finally {
      closed.countDown();
      if (!stopping.get()) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException e) {
          // shutting down already, or the hook was never added
        }
      }
    }
  }

  private int tail(TopicReader<Alert> reader, PrintWriter out, PrintWriter err) {
    Duration timeout = Duration.ofSeconds(30);
    if (fromBeginning) {
      reader.fromBeginning(timeout);
    } else {
      reader.fromEnd(timeout);
    }
    if (!json) {
      out.println(AlertFormat.tableHeader());
      out.flush();
    }
    int shown = 0;
    long idleSince = System.nanoTime();
    while (max == null || shown < max) {
      List<ConsumerRecord<String, Alert>> records;
      try {
        records = poll(reader);
      } catch (RecordDeserializationException e) {
        if (e.getCause() instanceof SchemaRegistryException) {
          // the registry is down or refuses us: not the record's fault, and every record would fail
          throw e;
        }
        // show the problem, skip the record, keep tailing: one bad record must not hide the rest
        err.println(
            "skipped unreadable record at "
                + e.topicPartition()
                + " offset "
                + e.offset()
                + ": "
                + e.getMessage());
        err.flush();
        reader.seek(e.topicPartition(), e.offset() + 1);
        continue;
      }
      for (ConsumerRecord<String, Alert> record : records) {
        if (record.value() == null) {
          continue;
        }
        out.println(
            json ? AlertFormat.jsonLine(record.value()) : AlertFormat.tableRow(record.value()));
        shown++;
        if (max != null && shown >= max) {
          break;
        }
      }
      out.flush();
      if (!records.isEmpty()) {
        idleSince = System.nanoTime();
      } else if (idleTimeout != null
          && System.nanoTime() - idleSince > Duration.ofSeconds(idleTimeout).toNanos()) {
        break;
      }
    }
    return 0;
  }

  private static List<ConsumerRecord<String, Alert>> poll(TopicReader<Alert> reader) {
    List<ConsumerRecord<String, Alert>> records = new ArrayList<>();
    reader.poll(Duration.ofMillis(500)).forEach(records::add);
    return records;
  }
}
