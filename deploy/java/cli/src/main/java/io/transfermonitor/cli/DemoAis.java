package io.transfermonitor.cli;

import io.transfermonitor.model.VesselFinding;
import io.transfermonitor.model.VesselFindingKind;
import io.transfermonitor.model.VesselPosition;
import io.transfermonitor.producers.ais.AisPublisher;
import io.transfermonitor.producers.ais.AisResult;
import io.transfermonitor.producers.ais.AisSummary;
import io.transfermonitor.producers.ais.NmeaAisReader;
import io.transfermonitor.producers.ingest.RejectionReport;
import io.transfermonitor.producers.vessels.RegisterContents;
import io.transfermonitor.producers.vessels.VesselMapping;
import io.transfermonitor.producers.vessels.VesselPublisher;
import io.transfermonitor.producers.vessels.VesselRegisterCsv;
import io.transfermonitor.schemas.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's ships: the synthetic vessel register of the seed scenario ({@code
 * vessels/demo-register.csv}, published as {@code vessels load} publishes it) and the synthetic AIS
 * set that tells the scenario's story ({@code scenarios/ais-2023-2025.nmea}, decoded and published
 * as {@code ais ingest} does), both resources of the producers jar; and the line the demo's summary
 * prints of what the monitor found in it.
 */
final class DemoAis {

  static final String REGISTER = "/vessels/demo-register.csv";
  static final String AIS_SET = "/scenarios/ais-2023-2025.nmea";

  /** The pause after each position published: the set's 778 positions take about 12 s. */
  private static final Duration FEED_PAUSE = Duration.ofMillis(15);

  private DemoAis() {}

  /** Publishes the demo register to {@code topic}; returns how many vessels it holds. */
  static int loadRegister(Map<String, Object> clientProps, String topic) throws IOException {
    RegisterContents register;
    try (Reader in = resource(REGISTER)) {
      register = VesselRegisterCsv.read(REGISTER, in, VesselMapping.plain(), "demo register");
    }
    VesselPublisher.publish(clientProps, topic, register.vessels());
    return register.vessels().size();
  }

  /**
   * Decodes the AIS set and publishes its positions and voyage data, key = MMSI.
   *
   * @throws IllegalStateException when a line is rejected or a record not acknowledged: the set is
   *     the project's own, so either is a bug
   */
  static AisSummary publishAisSet(Map<String, Object> clientProps, Topics topics)
      throws IOException {
    AisSummary summary;
    try (Reader in = resource(AIS_SET);
        RejectionReport rejections = new RejectionReport(Writer.nullWriter(), false);
        AisPublisher publisher = AisPublisher.create(clientProps, topics, rejections, AIS_SET)) {
      summary =
          new NmeaAisReader(NmeaAisReader.Options.of(Instant.now(), AIS_SET))
              .read(in, result -> playedAsAFeed(publisher, result));
      publisher.close(); // waits for the acknowledgements
      if (summary.rejected() > 0 || publisher.failed() > 0) {
        throw new IllegalStateException(
            String.format(
                Locale.ROOT,
                "the demo AIS set %s: %d lines rejected, %d records not acknowledged",
                AIS_SET,
                summary.rejected(),
                publisher.failed()));
      }
    }
    return summary;
  }

  /**
   * Publishes one record, pausing a little after each position: the log is played as a receiver's
   * feed, sped up, not dumped at once. Published at once, the positions of two vessels on two
   * partitions reach the encounter search out of step (one vessel's whole track before the
   * other's), and a meeting is missed.
   */
  private static void playedAsAFeed(AisPublisher publisher, AisResult result) {
    publisher.accept(result);
    if (result instanceof AisResult.Decoded decoded && decoded.record() instanceof VesselPosition) {
      try {
        Thread.sleep(FEED_PAUSE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while publishing the AIS set", e);
      }
    }
  }

  /** "N positions read: N port calls, N encounters, N dark periods, N identity anomalies". */
  static String summary(long positions, Collection<VesselFinding> findings) {
    Map<VesselFindingKind, Integer> byKind = new EnumMap<>(VesselFindingKind.class);
    findings.forEach(f -> byKind.merge(f.getKind(), 1, Integer::sum));
    return String.format(
        Locale.ROOT,
        "%d positions read: %s, %s, %s, %s",
        positions,
        count(byKind, VesselFindingKind.PORT_CALL, "port call", "port calls"),
        count(byKind, VesselFindingKind.ENCOUNTER, "encounter", "encounters"),
        count(byKind, VesselFindingKind.DARK_PERIOD, "dark period", "dark periods"),
        count(
            byKind, VesselFindingKind.IDENTITY_ANOMALY, "identity anomaly", "identity anomalies"));
  }

  private static String count(
      Map<VesselFindingKind, Integer> byKind, VesselFindingKind kind, String one, String many) {
    int n = byKind.getOrDefault(kind, 0);
    return n + " " + (n == 1 ? one : many);
  }

  private static Reader resource(String name) {
    InputStream in = DemoAis.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing from the classpath: " + name);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
