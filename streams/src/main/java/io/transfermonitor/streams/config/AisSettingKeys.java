package io.transfermonitor.streams.config;

import static io.transfermonitor.streams.config.MonitorSettings.check;
import static io.transfermonitor.streams.config.MonitorSettings.duration;
import static io.transfermonitor.streams.config.MonitorSettings.number;
import static io.transfermonitor.streams.config.MonitorSettings.text;

import io.transfermonitor.streams.ais.AisDetectors;
import io.transfermonitor.streams.ais.AisEvents;
import io.transfermonitor.streams.ais.AisSettings;
import io.transfermonitor.streams.ais.DarkPeriods;
import io.transfermonitor.streams.ais.EncounterParams;
import io.transfermonitor.streams.ais.Gazetteer;
import io.transfermonitor.streams.ais.ImoClones;
import io.transfermonitor.streams.ais.PortVisits;
import io.transfermonitor.streams.ais.TrackFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The {@code tm.ais.*} settings: whether the AIS stages run, the gazetteer, every published
 * parameter of the detectors (defaults: the detectors' {@code Params.DEFAULTS}, Global Fishing
 * Watch's published rules where it has them) and how findings become events. Part of {@link
 * MonitorSettings} (which defines them with the rest), kept apart for length; parsed into {@link
 * AisSettings}.
 */
public final class AisSettingKeys {

  public static final String ENABLED = "tm.ais.enabled";
  public static final String GAZETTEER_FILES = "tm.ais.gazetteer.files";
  public static final String TRACK_OUT_OF_ORDER_TOLERANCE = "tm.ais.track.out-of-order-tolerance";
  public static final String TRACK_MAX_KNOTS = "tm.ais.track.max-knots";
  public static final String TRACK_MIN_JUMP_METRES = "tm.ais.track.min-jump-metres";
  public static final String TRACK_DUPLICATE_METRES = "tm.ais.track.duplicate-metres";
  public static final String PORT_EXIT_MARGIN_METRES = "tm.ais.port.exit-margin-metres";
  public static final String PORT_STOP_KNOTS = "tm.ais.port.stop-knots";
  public static final String PORT_MOVE_KNOTS = "tm.ais.port.move-knots";
  public static final String PORT_SILENCE = "tm.ais.port.silence";
  public static final String PORT_MIN_VISIT = "tm.ais.port.min-visit";
  public static final String DARK_GAP = "tm.ais.dark.gap";
  public static final String DARK_LOOK_AHEAD_NM = "tm.ais.dark.look-ahead-nm";
  public static final String DARK_CHECK_INTERVAL = "tm.ais.dark.check-interval";
  public static final String ENCOUNTER_MAX_DISTANCE_METRES = "tm.ais.encounter.max-distance-metres";
  public static final String ENCOUNTER_MIN_DURATION = "tm.ais.encounter.min-duration";
  public static final String ENCOUNTER_MAX_KNOTS = "tm.ais.encounter.max-knots";
  public static final String ENCOUNTER_MIN_PORT_METRES = "tm.ais.encounter.min-port-metres";
  public static final String ENCOUNTER_MERGE_GAP = "tm.ais.encounter.merge-gap";
  public static final String ENCOUNTER_PAIRING_TOLERANCE = "tm.ais.encounter.pairing-tolerance";
  public static final String ENCOUNTER_MAX_SILENCE = "tm.ais.encounter.max-silence";
  public static final String ENCOUNTER_CELL_DEGREES = "tm.ais.encounter.cell-degrees";
  public static final String ENCOUNTER_CELL_REACH_METRES = "tm.ais.encounter.cell-reach-metres";
  public static final String ENCOUNTER_CHECK_INTERVAL = "tm.ais.encounter.check-interval";
  public static final String IMO_CLONE_MIN_NM = "tm.ais.imo-clone.min-nm";
  public static final String IMO_CLONE_WINDOW = "tm.ais.imo-clone.window";
  public static final String IMO_CLONE_MAX_KNOTS = "tm.ais.imo-clone.max-knots";
  public static final String DELIVERY_COUNTRIES = "tm.ais.delivery.countries";
  public static final String LADEN_FRACTION = "tm.ais.laden.fraction";
  public static final String DELIVERY_ESTIMATE_CONFIDENCE = "tm.ais.delivery.estimate-confidence";
  public static final String ENCOUNTER_DARK_WITHIN = "tm.ais.encounter.dark-within";

  private AisSettingKeys() {}

  /** Adds the AIS settings to {@code def}. */
  static ConfigDef define(ConfigDef def) {
    define(
        def,
        ENABLED,
        "true",
        MonitorSettings::trueOrFalse,
        Importance.MEDIUM,
        "true: read the AIS positions and voyage data (tm.ais.positions, tm.ais.voyages) and the"
            + " vessel register, and find port calls, encounters, dark periods and identity"
            + " anomalies; false: the monitor reads no AIS topic.");
    define(
        def,
        GAZETTEER_FILES,
        "",
        AisSettingKeys::gazetteerFiles,
        Importance.LOW,
        "Comma-separated files of ports (.csv: name,country,lat,lon,radius_m,source) and areas"
            + " of interest (.geojson polygons with name and source) added to the shipped"
            + " gazetteer.");
    defineTrack(def);
    definePort(def);
    defineDark(def);
    defineEncounter(def);
    defineImoClone(def);
    defineEvents(def);
    return def;
  }

  private static void defineTrack(ConfigDef def) {
    defineDuration(
        def,
        TRACK_OUT_OF_ORDER_TOLERANCE,
        "10m",
        "How much older than a vessel's newest position one may be and still be taken (late,"
            + " harmless); an older one is dropped as too old.");
    define(
        def,
        TRACK_MAX_KNOTS,
        "50",
        MonitorSettings::positiveNumber,
        Importance.LOW,
        "The fastest a vessel can go, in knots: a position that needs more from the vessel's"
            + " newest is a jump (an identity anomaly: two ships on one MMSI, or a spoof), not a"
            + " position.");
    define(
        def,
        TRACK_MIN_JUMP_METRES,
        "1852",
        AisSettingKeys::notNegative,
        Importance.LOW,
        "Below this distance (metres) no move is a jump however little time passed, so GPS noise"
            + " between two messages a second apart is not.");
    define(
        def,
        TRACK_DUPLICATE_METRES,
        "50",
        AisSettingKeys::notNegative,
        Importance.LOW,
        "Two positions of a vessel at the same time and at most this far apart (metres) are one;"
            + " the second is dropped as a duplicate.");
  }

  private static void definePort(ConfigDef def) {
    define(
        def,
        PORT_EXIT_MARGIN_METRES,
        "1000",
        AisSettingKeys::notNegative,
        Importance.LOW,
        "A vessel enters a port within its radius and leaves it beyond the radius plus this"
            + " (metres; Global Fishing Watch: 3 km in, 4 km out).");
    define(
        def,
        PORT_STOP_KNOTS,
        "0.2",
        MonitorSettings::positiveNumber,
        Importance.LOW,
        "Below this speed (knots) a vessel in port is stopped.");
    define(
        def,
        PORT_MOVE_KNOTS,
        "0.5",
        MonitorSettings::positiveNumber,
        Importance.LOW,
        "Above this speed (knots, not below tm.ais.port.stop-knots) a stopped vessel moves"
            + " again; between the two it keeps its state, so speed noise does not flap.");
    defineDuration(
        def, PORT_SILENCE, "4h", "A silence this long ends a port visit at its last position.");
    defineDuration(
        def,
        PORT_MIN_VISIT,
        "3h",
        "A port visit without a stop is a port call when at least this long; a vessel passing at"
            + " speed makes none.");
  }

  private static void defineDark(ConfigDef def) {
    defineDuration(
        def,
        DARK_GAP,
        "12h",
        "No position for this long from a vessel last seen in, or heading for, an area of"
            + " interest is a dark period (Global Fishing Watch's AIS gaps: 12 h).");
    define(
        def,
        DARK_LOOK_AHEAD_NM,
        "100",
        AisSettingKeys::notNegative,
        Importance.LOW,
        "How far along its course (nautical miles) a vessel is heading for an area of interest.");
    defineDuration(
        def,
        DARK_CHECK_INTERVAL,
        "1m",
        "How often, by the wall clock, each task looks for vessels gone dark.");
  }

  private static void defineEncounter(ConfigDef def) {
    define(
        def,
        ENCOUNTER_MAX_DISTANCE_METRES,
        "500",
        MonitorSettings::positiveNumber,
        Importance.LOW,
        "Two vessels this close (metres) may be meeting (Global Fishing Watch: 500 m).");
    defineDuration(
        def,
        ENCOUNTER_MIN_DURATION,
        "2h",
        "How long two vessels must stay that close to be an encounter.");
    define(
        def,
        ENCOUNTER_MAX_KNOTS,
        "2",
        MonitorSettings::positiveNumber,
        Importance.LOW,
        "The speed (knots) both vessels of an encounter stay below.");
    define(
        def,
        ENCOUNTER_MIN_PORT_METRES,
        "10000",
        AisSettingKeys::notNegative,
        Importance.LOW,
        "How far from the nearest port (metres) an encounter must happen.");
    defineDuration(
        def,
        ENCOUNTER_MERGE_GAP,
        "4h",
        "Encounters of one pair less than this apart are one encounter, under the first one's"
            + " id.");
    defineDuration(
        def,
        ENCOUNTER_PAIRING_TOLERANCE,
        "10m",
        "A position is compared with the other vessel's latest at most this much older or newer.");
    defineDuration(
        def,
        ENCOUNTER_MAX_SILENCE,
        "30m",
        "Close pairings of one pair further apart than this break their contact.");
    define(
        def,
        ENCOUNTER_CELL_DEGREES,
        "0.2",
        AisSettingKeys::cellDegrees,
        Importance.LOW,
        "Size (degrees, above 0, at most 10) of the grid's cells the encounter search pairs"
            + " vessels in.");
    define(
        def,
        ENCOUNTER_CELL_REACH_METRES,
        "10000",
        MonitorSettings::positiveNumber,
        Importance.LOW,
        "How far from a cell (metres, not below tm.ais.encounter.max-distance-metres) its"
            + " positions come from: a pair that drifts further out of the cell where it met may"
            + " be judged in two cells.");
    defineDuration(
        def,
        ENCOUNTER_CHECK_INTERVAL,
        "1m",
        "How often, by the wall clock, each task ends the encounters whose vessels stopped"
            + " meeting.");
  }

  private static void defineImoClone(ConfigDef def) {
    define(
        def,
        IMO_CLONE_MIN_NM,
        "10",
        AisSettingKeys::notNegative,
        Importance.LOW,
        "Two MMSIs sending one IMO number closer than this (nautical miles) are a re-flag or a"
            + " second transponder, not a clone.");
    defineDuration(
        def,
        IMO_CLONE_WINDOW,
        "24h",
        "Sightings of one IMO number further apart in time are not compared.");
    define(
        def,
        IMO_CLONE_MAX_KNOTS,
        "50",
        MonitorSettings::positiveNumber,
        Importance.LOW,
        "The fastest a vessel can go (knots): two MMSIs of one IMO number that no ship could"
            + " join at this speed are a clone.");
  }

  private static void defineEvents(ConfigDef def) {
    define(
        def,
        DELIVERY_COUNTRIES,
        "PRK",
        AisSettingKeys::countries,
        Importance.LOW,
        "Comma-separated countries (ISO 3166-1 alpha-3) whose ports take deliveries: a tanker's"
            + " port call at one of them is an OBSERVED tanker delivery; empty = none.");
    define(
        def,
        LADEN_FRACTION,
        "0.9",
        AisSettingKeys::ladenFraction,
        Importance.LOW,
        "The share of its deadweight a tanker calling at a delivery port is taken to deliver:"
            + " the AIS delivery's estimate is deadweight (vessel register) x this, in tonnes of"
            + " REFINED_UNSPECIFIED.");
    define(
        def,
        DELIVERY_ESTIMATE_CONFIDENCE,
        "0.6",
        MonitorSettings::score,
        Importance.LOW,
        "The confidence (above 0, at most 1) an AIS delivery, an estimate, carries.");
    defineDuration(
        def,
        ENCOUNTER_DARK_WITHIN,
        "7d",
        "An encounter beginning at most this long after one of its vessels came back from a dark"
            + " period (in or heading for an area of interest) is a ship-to-ship transfer, as one"
            + " with a DPRK or designated vessel is.");
  }

  private static void define(
      ConfigDef def,
      String key,
      String defaultValue,
      Function<String, String> problem,
      Importance importance,
      String doc) {
    def.define(key, Type.STRING, defaultValue, check(problem), importance, doc);
  }

  private static void defineDuration(ConfigDef def, String key, String defaultValue, String doc) {
    define(def, key, defaultValue, MonitorSettings::positiveDuration, Importance.LOW, doc);
  }

  /** A value that does not fit another AIS setting, or empty. */
  static Optional<MonitorSettings.Conflict> conflict(Map<String, Object> parsed) {
    if (number(parsed, PORT_MOVE_KNOTS) < number(parsed, PORT_STOP_KNOTS)) {
      return Optional.of(atLeast(parsed, PORT_MOVE_KNOTS, PORT_STOP_KNOTS, ""));
    }
    if (number(parsed, ENCOUNTER_CELL_REACH_METRES)
        < number(parsed, ENCOUNTER_MAX_DISTANCE_METRES)) {
      return Optional.of(
          atLeast(
              parsed,
              ENCOUNTER_CELL_REACH_METRES,
              ENCOUNTER_MAX_DISTANCE_METRES,
              ", or two close vessels could miss each other"));
    }
    return Optional.empty();
  }

  private static MonitorSettings.Conflict atLeast(
      Map<String, Object> parsed, String key, String other, String why) {
    return new MonitorSettings.Conflict(
        key,
        text(parsed, key),
        "'"
            + text(parsed, key)
            + "' must not be below "
            + other
            + " ("
            + text(parsed, other)
            + ")"
            + why);
  }

  /** The AIS settings these values give (every key present, defaults filled in). */
  static AisSettings parse(Map<String, Object> parsed) {
    Gazetteer gazetteer = gazetteer(text(parsed, GAZETTEER_FILES));
    AisDetectors detectors =
        new AisDetectors(
            gazetteer,
            new TrackFilter.Params(
                millis(parsed, TRACK_OUT_OF_ORDER_TOLERANCE),
                number(parsed, TRACK_MAX_KNOTS),
                number(parsed, TRACK_MIN_JUMP_METRES),
                number(parsed, TRACK_DUPLICATE_METRES)),
            new PortVisits.Params(
                number(parsed, PORT_EXIT_MARGIN_METRES),
                number(parsed, PORT_STOP_KNOTS),
                number(parsed, PORT_MOVE_KNOTS),
                millis(parsed, PORT_SILENCE),
                millis(parsed, PORT_MIN_VISIT)),
            new DarkPeriods.Params(millis(parsed, DARK_GAP), number(parsed, DARK_LOOK_AHEAD_NM)));
    EncounterParams encounters =
        new EncounterParams(
            number(parsed, ENCOUNTER_MAX_DISTANCE_METRES),
            duration(parsed, ENCOUNTER_MIN_DURATION),
            number(parsed, ENCOUNTER_MAX_KNOTS),
            number(parsed, ENCOUNTER_MIN_PORT_METRES),
            duration(parsed, ENCOUNTER_MERGE_GAP),
            duration(parsed, ENCOUNTER_PAIRING_TOLERANCE),
            duration(parsed, ENCOUNTER_MAX_SILENCE),
            number(parsed, ENCOUNTER_CELL_DEGREES),
            number(parsed, ENCOUNTER_CELL_REACH_METRES));
    return new AisSettings(
        Boolean.parseBoolean(text(parsed, ENABLED)),
        gazetteer,
        detectors,
        encounters,
        new ImoClones.Params(
            number(parsed, IMO_CLONE_MIN_NM),
            millis(parsed, IMO_CLONE_WINDOW),
            number(parsed, IMO_CLONE_MAX_KNOTS)),
        new AisEvents.Params(
            countriesIn(text(parsed, DELIVERY_COUNTRIES)),
            number(parsed, LADEN_FRACTION),
            number(parsed, DELIVERY_ESTIMATE_CONFIDENCE),
            millis(parsed, ENCOUNTER_DARK_WITHIN)),
        duration(parsed, DARK_CHECK_INTERVAL),
        duration(parsed, ENCOUNTER_CHECK_INTERVAL),
        0);
  }

  private static long millis(Map<String, Object> parsed, String key) {
    return duration(parsed, key).toMillis();
  }

  private static Gazetteer gazetteer(String files) {
    Path[] extra =
        Arrays.stream(files.split(","))
            .map(String::trim)
            .filter(f -> !f.isEmpty())
            .map(Path::of)
            .toArray(Path[]::new);
    return extra.length == 0 ? Gazetteer.shipped() : Gazetteer.load(extra);
  }

  private static Set<String> countriesIn(String text) {
    Set<String> countries = new LinkedHashSet<>();
    for (String code : text.split(",")) {
      if (!code.isBlank()) {
        countries.add(code.trim());
      }
    }
    return countries;
  }

  private static String countries(String value) {
    for (String code : value.split(",")) {
      String c = code.trim();
      if (!c.isEmpty() && !c.matches("[A-Z]{3}")) {
        return "'" + c + "' is not an ISO 3166-1 alpha-3 country code such as PRK";
      }
    }
    return null;
  }

  private static String notNegative(String value) {
    try {
      double d = Double.parseDouble(value.trim());
      return d >= 0 && !Double.isInfinite(d) ? null : "'" + value + "' must be 0 or more";
    } catch (NumberFormatException e) {
      return "'" + value + "' is not a number";
    }
  }

  private static String cellDegrees(String value) {
    try {
      double d = Double.parseDouble(value.trim());
      return d > 0 && d <= 10 ? null : "'" + value + "' must be above 0 and at most 10";
    } catch (NumberFormatException e) {
      return "'" + value + "' is not a number";
    }
  }

  private static String gazetteerFiles(String value) {
    for (String file : value.split(",")) {
      String name = file.trim();
      if (!name.isEmpty() && !Files.isReadable(Path.of(name))) {
        return "no readable file '" + name + "'";
      }
      if (!name.isEmpty() && !name.endsWith(".csv") && !name.endsWith(".geojson")) {
        return "'" + name + "' is neither ports (.csv) nor areas (.geojson)";
      }
    }
    return null;
  }

  private static String ladenFraction(String value) {
    try {
      double f = Double.parseDouble(value);
      return f > 0 && f <= 1 ? null : "'" + value + "' must be above 0 and at most 1";
    } catch (NumberFormatException e) {
      return "'" + value + "' is not a number";
    }
  }
}
