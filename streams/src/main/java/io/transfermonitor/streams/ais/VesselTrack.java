package io.transfermonitor.streams.ais;

import io.transfermonitor.streams.ais.PositionDropped.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the per-vessel detectors keep for one MMSI, and the detectors run over it: the newest
 * accepted position, the port visit under way, the newest draught and destination, whether the
 * current silence was already reported as an open dark period. In: the MMSI's positions ({@link
 * #accept(Ping)}) and voyage data ({@link #acceptVoyage}); a periodic {@link #check(long)}. Out:
 * {@link AisFinding}s. Small and serializable ({@link VesselTrackSerde}); not thread-safe, one
 * instance per MMSI in a store keyed by MMSI.
 */
public final class VesselTrack {

  private final AisDetectors detectors;
  private final String mmsi;
  private Ping last;
  private Double draughtAtLast;
  private Double draught;
  private String destination;
  private PortVisit visit;
  private boolean darkReported;
  private String imo;
  private String name;
  private Integer shipType;
  private Long designatedSeenDay;
  private String lastCallCountry;
  private String callCountryBefore;
  private String flagCheckedAgainst;
  private Long jumpEventDay;
  private Long backFromDark;

  /** A vessel seen for the first time. */
  public VesselTrack(AisDetectors detectors, String mmsi) {
    this.detectors = detectors;
    this.mmsi = mmsi;
  }

  /** A track restored from its state (the serde). */
  VesselTrack(
      AisDetectors detectors,
      String mmsi,
      Ping last,
      Double draughtAtLast,
      Double draught,
      String destination,
      PortVisit visit,
      boolean darkReported) {
    this(detectors, mmsi);
    this.last = last;
    this.draughtAtLast = draughtAtLast;
    this.draught = draught;
    this.destination = destination;
    this.visit = visit;
    this.darkReported = darkReported;
  }

  /** Restores what the vessel said of itself (the serde). */
  void restoreIdentity(
      String imo,
      String name,
      Integer shipType,
      Long designatedSeenDay,
      String lastCallCountry,
      String callCountryBefore,
      String flagCheckedAgainst,
      Long jumpEventDay) {
    this.flagCheckedAgainst = flagCheckedAgainst;
    this.jumpEventDay = jumpEventDay;
    this.lastCallCountry = lastCallCountry;
    this.callCountryBefore = callCountryBefore;
    this.imo = imo;
    this.name = name;
    this.shipType = shipType;
    this.designatedSeenDay = designatedSeenDay;
  }

  /**
   * One position as the track stage takes it: without a speed of its own, the speed its move from
   * the newest position implies stands in (for the port visits and the encounter search alike);
   * then {@link #accept(Ping)}.
   */
  public Step take(Ping raw) {
    Ping ping =
        raw.speedKnots() != null || last == null || raw.time() <= last.time()
            ? raw
            : raw.withSpeed(Geo.impliedKnots(last, raw));
    List<AisFinding> findings = accept(ping);
    return new Step(ping, findings, last == ping);
  }

  /**
   * What {@link #take} made of a position.
   *
   * @param ping the position with its speed filled in where it had none
   * @param findings what it made: a dropped position, a jump, a port call, a dark period
   * @param taken whether the track moved on to it (not a duplicate, a late or too old position, a
   *     jump); only such a position goes on to the encounter search
   */
  public record Step(Ping ping, List<AisFinding> findings, boolean taken) {}

  /** The findings {@code ping} makes: a dropped position, a jump, a port call, a dark period. */
  public List<AisFinding> accept(Ping ping) {
    switch (detectors.filter().judge(last, ping)) {
      case DUPLICATE:
        return List.of(new PositionDropped(mmsi, ping.time(), Reason.DUPLICATE, last.time()));
      case TOO_OLD:
        return List.of(new PositionDropped(mmsi, ping.time(), Reason.TOO_OLD, last.time()));
      case JUMP:
        return List.of(jump(ping));
      case LATE:
        return List.of();
      default:
        return advance(ping);
    }
  }

  private List<AisFinding> advance(Ping ping) {
    List<AisFinding> findings = new ArrayList<>(2);
    if (last != null) {
      detectors
          .darkPeriods()
          .closed(mmsi, last, ping, draughtAtLast, draught, destination)
          .ifPresent(
              dark -> {
                findings.add(dark);
                backFromDark = ping.time();
              });
    }
    PortVisits.Step step = detectors.portVisits().step(mmsi, visit, last, ping, draught);
    step.call()
        .ifPresent(
            call -> {
              findings.add(call);
              callCountryBefore = lastCallCountry;
              lastCallCountry = call.port().country();
            });
    visit = step.visit();
    last = ping;
    draughtAtLast = draught;
    darkReported = false;
    return findings;
  }

  private IdentityAnomaly jump(Ping ping) {
    double nm = last.metresTo(ping) / Geo.METRES_PER_NAUTICAL_MILE;
    double knots = Geo.impliedKnots(last, ping);
    return new IdentityAnomaly(
        mmsi,
        IdentityAnomaly.Kind.POSITION_JUMP,
        ping.time(),
        String.format(
            Locale.ROOT,
            "position %.4f,%.4f is %.1f nm from %.4f,%.4f %d min earlier: %s kn needed",
            ping.lat(),
            ping.lon(),
            nm,
            last.lat(),
            last.lon(),
            (ping.time() - last.time()) / 60_000,
            Double.isInfinite(knots) ? "infinite" : String.format(Locale.ROOT, "%.0f", knots)));
  }

  /**
   * Takes the vessel's voyage data: its draught and destination (either may be null, keeping what
   * the track knew), and the IMO number it sent, if any.
   *
   * @return the sighting for {@link ImoClones} when the message carried an IMO number and the track
   *     has a position
   */
  public Optional<ImoSighting> acceptVoyage(String imo, Double draughtMetres, String destination) {
    if (imo != null && !imo.isBlank()) {
      this.imo = imo;
    }
    if (draughtMetres != null) {
      this.draught = draughtMetres;
    }
    if (destination != null && !destination.isBlank()) {
      this.destination = destination;
    }
    return imo == null || imo.isBlank() || last == null
        ? Optional.empty()
        : Optional.of(new ImoSighting(imo, mmsi, last));
  }

  /**
   * Takes what the vessel says of itself besides its voyage: its name and AIS ship type (either may
   * be null, keeping what the track knew).
   */
  public void acceptIdentity(String name, Integer shipType) {
    if (name != null && !name.isBlank()) {
      this.name = name;
    }
    if (shipType != null) {
      this.shipType = shipType;
    }
  }

  /**
   * Whether to report this vessel as a designated vessel seen at {@code time}: once per UTC day, so
   * a designated vessel's every position does not become an event.
   */
  public boolean firstDesignatedSightingOfDay(long time) {
    long day = Math.floorDiv(time, 86_400_000L);
    if (designatedSeenDay != null && designatedSeenDay == day) {
      return false;
    }
    designatedSeenDay = day;
    return true;
  }

  /**
   * Whether to check the MMSI's country against the register's {@code flag} now: once per flag the
   * register gives, so a mismatch is reported once, and again only after the register changed.
   */
  public boolean firstCheckAgainst(String flag) {
    if (flag == null || flag.equals(flagCheckedAgainst)) {
      return false;
    }
    flagCheckedAgainst = flag;
    return true;
  }

  /**
   * Whether a position jump at {@code time} becomes an event: the first of its UTC day. A cloned
   * MMSI jumps with nearly every position; each jump stays a finding, one a day is a rule's event.
   */
  public boolean firstJumpEventOfDay(long time) {
    long day = Math.floorDiv(time, 86_400_000L);
    if (jumpEventDay != null && jumpEventDay == day) {
      return false;
    }
    jumpEventDay = day;
    return true;
  }

  Long jumpEventDay() {
    return jumpEventDay;
  }

  String flagCheckedAgainst() {
    return flagCheckedAgainst;
  }

  /** The newest IMO number the vessel sent; null when none. */
  public String imo() {
    return imo;
  }

  /** The newest name the vessel sent; null when none. */
  public String name() {
    return name;
  }

  /** The newest AIS ship type the vessel sent (80 to 89: a tanker); null when none. */
  public Integer shipType() {
    return shipType;
  }

  /**
   * The country of the port call before the newest one: after a call at a DPRK port, where the
   * vessel came from (e.g. RUS after a call at Vostochny); null when unknown.
   */
  public String callCountryBefore() {
    return callCountryBefore;
  }

  String lastCallCountry() {
    return lastCallCountry;
  }

  Long designatedSeenDay() {
    return designatedSeenDay;
  }

  /**
   * The periodic check (a wall-clock punctuation): a vessel dark since its newest position, in or
   * heading for an area of interest, is reported once as an open dark period.
   */
  public List<AisFinding> check(long now) {
    if (last == null || darkReported) {
      return List.of();
    }
    Optional<DarkPeriod> open =
        detectors.darkPeriods().open(mmsi, last, now, draughtAtLast, draught, destination);
    open.ifPresent(p -> darkReported = true);
    return open.<List<AisFinding>>map(List::of).orElse(List.of());
  }

  public String mmsi() {
    return mmsi;
  }

  /**
   * When it came back from its latest dark period (the first position after it), or null: every
   * dark period the detector reports is in or heading for an area of interest.
   */
  public Long backFromDark() {
    return backFromDark;
  }

  void restoreBackFromDark(Long time) {
    this.backFromDark = time;
  }

  /** The newest accepted position; null before the first. */
  public Ping last() {
    return last;
  }

  Double draughtAtLast() {
    return draughtAtLast;
  }

  /** The newest draught the vessel sent, metres; null when none. */
  public Double draught() {
    return draught;
  }

  /** The newest destination the vessel sent; null when none. */
  public String destination() {
    return destination;
  }

  /** The port visit under way; null when not in port. */
  public PortVisit visit() {
    return visit;
  }

  boolean darkReported() {
    return darkReported;
  }
}
