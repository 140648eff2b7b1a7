package io.transfermonitor.cli;

import io.transfermonitor.cli.kafka.Reachability;
import io.transfermonitor.cli.kafka.UnavailableException;
import io.transfermonitor.cli.settings.LocalDefaults;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.producers.ais.AisCsvMapping;
import io.transfermonitor.producers.ais.AisCsvReader;
import io.transfermonitor.producers.ais.AisPublisher;
import io.transfermonitor.producers.ais.AisResult;
import io.transfermonitor.producers.ais.AisSummary;
import io.transfermonitor.producers.ais.NmeaAisReader;
import io.transfermonitor.producers.ingest.CsvReader;
import io.transfermonitor.producers.ingest.MappingException;
import io.transfermonitor.producers.ingest.RejectionReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor ais ingest FILE}: decodes an NMEA 0183 AIS log (or reads a CSV of decoded
 * positions through an AIS mapping) and publishes positions to {@code <prefix>ais.positions} and
 * static and voyage data to {@code <prefix>ais.voyages}, key = MMSI. Every line that gives no
 * record is listed in the report with its reason. {@code --dry-run} decodes and counts without a
 * broker. Exit code 0 when the run completed, 1 when it could not run (missing file, broken
 * mapping), 2 when the cluster did not acknowledge every record.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Decodes AIS (NMEA !AIVDM/!AIVDO logs, or CSV with an AIS --mapping) and publishes positions"
          + " and voyage data, key = MMSI.",
      "Bad lines never stop the run: they are listed in the report with line and reason."
    })
public class AisIngestCommand implements Callable<Integer> {

  /** Rejections printed by --dry-run before it refers to the report. */
  private static final int SHOWN_REJECTIONS = 20;

  @Parameters(paramLabel = "FILE", description = "The AIS log or CSV.")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "nmea|csv",
      description = "Input format; default by file extension (.csv: csv, else nmea).")
  String format;

  @Option(
      names = "--mapping",
      paramLabel = "FILE",
      description = "AIS mapping (YAML) for CSV input, e.g. producers/examples/ais-*/mapping.yaml.")
  Path mapping;

  @Option(names = "--dry-run", description = "Decode and count only; publish nothing.")
  boolean dryRun;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      defaultValue = "ais-report.csv",
      description =
          "Where rejected lines are listed: CSV, or JSON Lines for a .jsonl name (default:"
              + " ${DEFAULT-VALUE}).")
  Path report;

  @Mixin SettingsOptions options;

  @Spec CommandSpec spec;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      boolean csv = csv();
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no such file: " + file);
      }
      AisCsvMapping csvMapping = null;
      if (csv) {
        if (mapping == null) {
          throw new IllegalArgumentException("CSV needs an AIS mapping (--mapping FILE)");
        }
        csvMapping = AisCsvMapping.load(mapping);
      }
      AisSummary summary;
      long failed = 0;
      try (RejectionReport rejections = RejectionReport.to(report)) {
        if (dryRun) {
          int[] shown = {0};
          Consumer<AisResult> sink =
              result -> {
                if (result instanceof AisResult.Rejected r) {
                  AisPublisher.report(rejections, file.toString(), r);
                  if (shown[0]++ < SHOWN_REJECTIONS) {
                    out.printf("  line %d: %s %s%n", r.line(), r.reason(), r.detail());
                  }
                }
              };
          summary = read(csvMapping, sink);
        } else {
          Map<String, Object> props = clientProperties();
          Reachability.require(props, Optional.of(LocalDefaults.registryUrl(options.settings())));
          try (AisPublisher publisher =
              AisPublisher.create(
                  props, options.settings().topics(), rejections, file.toString())) {
            summary = read(csvMapping, publisher);
            publisher.close(); // waits for the acknowledgements the counts below need
            failed = publisher.failed();
            if (failed > 0) {
              err.println("ais ingest: first failure: " + publisher.firstFailure());
            }
          } catch (KafkaException e) {
            throw new UnavailableException("cannot publish AIS: " + e.getMessage(), e);
          }
        }
      }
      print(out, summary);
      if (summary.rejected() > 0) {
        out.printf(
            Locale.ROOT,
            "%,d rejected lines listed in %s%n",
            summary.rejected(),
            report.toAbsolutePath());
      }
      out.flush();
      return failed > 0 ? 2 : 0;
    } catch (MappingException | IllegalArgumentException e) {
      err.println("ais ingest: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("ais ingest: cannot read " + file + ": " + e.getMessage());
      return 1;
    }
  }

  private boolean csv() {
    if (format == null) {
      return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }
    return switch (format.trim().toLowerCase(Locale.ROOT)) {
      case "csv" -> true;
      case "nmea" -> false;
      default ->
          throw new IllegalArgumentException("--format must be nmea or csv, was '" + format + "'");
    };
  }

  private AisSummary read(AisCsvMapping csvMapping, Consumer<AisResult> sink) throws IOException {
    try (InputStream bytes = Files.newInputStream(file);
        Reader in = CsvReader.utf8(bytes)) {
      if (csvMapping != null) {
        return new AisCsvReader(csvMapping).read(in, sink);
      }
      // a log line carries no date of its own without a tag block or timestamp: the read time
      NmeaAisReader.Options read =
          NmeaAisReader.Options.of(clock.instant(), file.getFileName().toString());
      return new NmeaAisReader(read).read(in, sink);
    }
  }

  private Map<String, Object> clientProperties() {
    Settings settings = options.settings();
    Map<String, Object> props =
        settings.clientProperties(LocalDefaults.BOOTSTRAP, LocalDefaults.REGISTRY);
    props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    return props;
  }

  /** Lines, records, messages per type and rejections per reason. */
  static void print(PrintWriter out, AisSummary summary) {
    out.printf(
        Locale.ROOT,
        "%,d lines: %,d positions, %,d voyage records, %,d rejected%n",
        summary.lines(),
        summary.positions(),
        summary.voyages(),
        summary.rejected());
    summary
        .decodedByType()
        .forEach(
            (type, count) ->
                out.printf(
                    Locale.ROOT,
                    "  %-22s %,d%n",
                    type == 0 ? "CSV rows" : "type " + type + " messages",
                    count));
    summary
        .rejectedByReason()
        .forEach(
            (reason, count) ->
                out.printf(
                    Locale.ROOT, "  rejected %-18s %,d  (%s)%n", reason, count, reason.meaning()));
  }
}
