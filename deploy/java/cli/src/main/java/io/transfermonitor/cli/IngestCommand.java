package io.transfermonitor.cli;

import io.transfermonitor.cli.kafka.Reachability;
import io.transfermonitor.cli.settings.LocalDefaults;
import io.transfermonitor.cli.settings.MaxWaitOption;
import io.transfermonitor.cli.settings.Redaction;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.producers.EventProducer;
import io.transfermonitor.producers.EventSink;
import io.transfermonitor.producers.ingest.Ingest;
import io.transfermonitor.producers.ingest.IngestInput;
import io.transfermonitor.producers.ingest.IngestProgress;
import io.transfermonitor.producers.ingest.IngestResult;
import io.transfermonitor.producers.ingest.InputFormat;
import io.transfermonitor.producers.ingest.Mapping;
import io.transfermonitor.producers.ingest.MappingException;
import io.transfermonitor.producers.ingest.RejectionReport;
import io.transfermonitor.producers.jsonl.EventJson;
import io.transfermonitor.schemas.registry.SchemaRegistryException;
import io.transfermonitor.schemas.validation.EventValidator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code transfer-monitor ingest}: reads CSV files (through a mapping) or JSON Lines event files,
 * or stdin, validates every record and produces the good ones to {@code <prefix>events.<kind>} with
 * an idempotent producer; bad records go to the report (and, with {@code --to-rejected-topic}, to
 * {@code <prefix>events.rejected}). Exit code 0 when the run completed (rejected records are in the
 * report), 1 when it could not run (missing file, broken mapping), 2 when the cluster did not
 * acknowledge every record, 3 when the cluster or the registry did not answer within {@code
 * --max-wait}, 4 when it refused the login or the access (said in one line). {@code --dry-run
 * --show N} prints the first N valid events to standard output in the JSON Lines event format.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Validate and produce events from CSV (with a mapping) or JSON Lines files, or stdin.",
      "Bad records never stop the run: they are listed in the report with file, line, field and"
          + " reason."
    })
public class IngestCommand implements Callable<Integer> {

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Input files; '-' reads standard input.")
  List<String> files = new ArrayList<>();

  @Option(
      names = "--mapping",
      paramLabel = "FILE",
      description = "YAML mapping for CSV input (see docs/adding-a-source.md).")
  Path mapping;

  @Option(
      names = "--format",
      paramLabel = "csv|jsonl",
      description = "Input format; default by file extension (.jsonl/.ndjson/.json: jsonl).")
  String format;

  // --config, -b/--bootstrap-servers, --schema-registry-url, KAFKA_* and TM_*, as every command
  @Mixin SettingsOptions options;

  @Mixin MaxWaitOption maxWait;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      defaultValue = "ingest-report.csv",
      description =
          "Where rejected records are listed: CSV, or JSON Lines for a .jsonl name (default:"
              + " ${DEFAULT-VALUE}).")
  Path report;

  @Option(
      names = "--to-rejected-topic",
      description = "Also send each rejected record to the rejected topic as a RejectedEvent.")
  boolean toRejectedTopic;

  @Option(names = "--dry-run", description = "Validate only; produce nothing.")
  boolean dryRun;

  @Option(
      names = "--show",
      paramLabel = "N",
      description =
          "With --dry-run: print the first N valid events to standard output as they would be"
              + " produced, one per line in the JSON Lines event format.")
  int show;

  @Option(
      names = "--topic-prefix",
      description = "Prefix of every topic name (else tm.topic.prefix, default tm.).")
  String topicPrefix;

  @Option(
      names = "--producer-property",
      paramLabel = "KEY=VALUE",
      description = "Extra Kafka producer property, e.g. linger.ms=50 (repeatable).")
  Map<String, String> producerProperties = new LinkedHashMap<>();

  @Override
  public Integer call() throws InterruptedException {
    PrintStream err = System.err;
    boolean reading = false;
    try {
      if (show < 0) {
        throw new IllegalArgumentException("--show must be 0 or more, was " + show);
      }
      if (show > 0 && !dryRun) {
        throw new IllegalArgumentException(
            "--show prints the events of a dry run: add --dry-run (nothing is produced then)");
      }
      InputFormat forced = parseFormat(format);
      List<IngestInput> inputs = inputs(forced);
      if (mapping == null && inputs.stream().anyMatch(i -> i.format() == InputFormat.CSV)) {
        throw new IllegalArgumentException(
            "CSV needs a mapping (--mapping FILE); see docs/adding-a-source.md");
      }
      Mapping parsedMapping = mapping == null ? null : Mapping.load(mapping);
      IngestResult result;
      EventProducer producer = dryRun ? null : producer();
      try (EventSink sink = producer == null ? EventSink.discarding() : producer;
          RejectionReport rejections = RejectionReport.to(report)) {
        Ingest ingest =
            new Ingest(
                sink,
                parsedMapping,
                rejections,
                toRejectedTopic,
                dryRun,
                IngestProgress.forConsole(err),
                new EventValidator());
        PrintStream out = System.out;
        ingest.showing(show, event -> out.println(EventJson.write(event)));
        reading = true;
        result = ingest.run(inputs);
        out.flush();
        if (result.rejected() > 0) {
          err.printf(
              Locale.ROOT,
              "%,d rejected records listed in %s%n",
              result.rejected(),
              report.toAbsolutePath());
        }
      }
      if (result.failedSends() > 0 && producer != null && producer.firstFailure() != null) {
        err.println("ingest: first failure: " + why(producer.firstFailure()));
      }
      return result.failedSends() > 0 ? 2 : 0;
    } catch (MappingException | IllegalArgumentException e) {
      err.println("ingest: " + e.getMessage());
      return 1;
    } catch (IOException | UncheckedIOException e) {
      err.println("ingest: cannot read input: " + e.getMessage());
      return 1;
    } catch (KafkaException | SchemaRegistryException e) {
      err.println("ingest: cannot produce: " + why(e));
      if (reading) {
        err.println(
            "ingest: the record it stopped at, with its text, and any send that failed before it"
                + " are listed in "
                + report.toAbsolutePath());
      }
      return Refusal.describe(e, options.parsed()).isPresent() ? ExitCode.REFUSED : 1;
    }
  }

  /** Why the cluster did not take a record: a refusal in words, secrets hidden. */
  private String why(Throwable failure) {
    Optional<Settings> settings = options.parsed();
    Redaction redaction = settings.map(Settings::redaction).orElse(Redaction.none());
    return redaction.apply(
        Refusal.describe(failure, settings).orElse(String.valueOf(failure.getMessage()).strip()));
  }

  private EventProducer producer() throws InterruptedException {
    Settings settings = options.override("tm.topic.prefix", topicPrefix).settings();
    Map<String, Object> client = settings.kafkaClientProperties(LocalDefaults.BOOTSTRAP);
    Reachability reach = new Reachability(new PrintWriter(System.err, true), maxWait.duration());
    reach.awaitKafka(client.get("bootstrap.servers").toString(), client);
    reach.awaitRegistry(settings.schemaRegistryUrl().orElse(LocalDefaults.REGISTRY));
    List<String> needed = new ArrayList<>(settings.topics().eventTopics());
    if (toRejectedTopic) {
      needed.add(settings.topics().rejected());
    }
    Reachability.requireTopics(client, needed);
    EventProducer.Builder builder =
        EventProducer.builder(
                client.remove("bootstrap.servers").toString(),
                settings.schemaRegistryUrl().orElse(LocalDefaults.REGISTRY))
            .topics(settings.topics())
            .property("client.id", "tm-ingest");
    client.forEach(builder::property);
    settings.registryClientProperties(LocalDefaults.REGISTRY).forEach(builder::property);
    producerProperties.forEach(builder::property);
    return builder.build();
  }

  private List<IngestInput> inputs(InputFormat forced) throws IOException {
    List<IngestInput> inputs = new ArrayList<>();
    for (String file : files) {
      if (file.equals("-")) {
        inputs.add(IngestInput.stdin(forced == null ? InputFormat.CSV : forced));
      } else {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
          throw new IllegalArgumentException("no such file: " + file);
        }
        inputs.add(IngestInput.file(path, forced));
      }
    }
    return inputs;
  }

  private static InputFormat parseFormat(String value) {
    if (value == null) {
      return null;
    }
    try {
      return InputFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--format must be csv or jsonl, was '" + value + "'");
    }
  }

  /** Runs the command on its own (the top-level command registers it as a subcommand). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new IngestCommand()).execute(args));
  }
}
