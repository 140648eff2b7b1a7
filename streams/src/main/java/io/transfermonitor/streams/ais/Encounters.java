package io.transfermonitor.streams.ais;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The encounter search of one cell of the grid ({@link Cells}): in, the slow pings away from ports
 * ({@link #admits}) of the vessels within {@link EncounterParams#cellReachMetres()} of the cell;
 * out, the {@link Encounter}s this cell owns: each when it reaches {@code minDuration} (ongoing)
 * and again, under the same id, when its vessels stop meeting.
 *
 * <p><b>Pairing.</b> Two vessels' pings are never simultaneous. A ping is compared with the latest
 * ping of every other vessel in the cell at most {@code pairingTolerance} older or newer. A pairing
 * within {@code maxDistanceMetres} is close: the pair is known close from the newer ping's time
 * (both positions known) to the older one's, so a contact starts at the newer time of its first
 * close pairing and ends at the older time of its last. Either end errs inward by at most the
 * spacing of the pings, never outward. A pairing further apart, or close pairings more than {@code
 * maxSilence} apart, end the contact; so does {@link #expire} once stream time has moved that far
 * past its last close pairing. A contact of at least {@code minDuration} is an encounter; one less
 * than {@code mergeGap} after the pair's previous encounter merges with it.
 *
 * <p><b>Ownership.</b> Every cell within reach of both vessels sees their contact; exactly one
 * reports it: the home cell of the lower-MMSI vessel at the first close pairing of the encounter
 * (for a merged one, of the first of its encounters). A cell decides that when the contact begins
 * and keeps it while the pair drifts, so an encounter is neither lost at a cell border nor reported
 * twice. Another cell cannot see the contact begin later with the lower vessel already at home in
 * it, since pings come from {@code cellReachMetres} around it and a slow vessel does not cross that
 * between two pings.
 *
 * <p>Pings of one vessel must arrive in time order (the track stage's job): an older ping than the
 * vessel's latest in this cell is ignored. Pings of different vessels should arrive in time order
 * too, give or take less than {@code pairingTolerance}, since a ping pairs only with the others'
 * latest: {@link EncounterProcessor} sees to that when several track tasks feed a cell. Not
 * thread-safe; one instance per cell and task.
 */
public final class Encounters {

  private final String cell;
  private final Cells cells;
  private final EncounterParams params;
  private final Map<String, Ping> latest;
  private final Map<String, PairState> pairs;

  /** An empty cell. */
  public Encounters(String cell, Cells cells, EncounterParams params) {
    this(cell, cells, params, List.of(), List.of());
  }

  Encounters(
      String cell,
      Cells cells,
      EncounterParams params,
      Collection<Ping> vessels,
      Collection<PairState> pairStates) {
    this.cell = cell;
    this.cells = cells;
    this.params = params;
    this.latest = new TreeMap<>();
    vessels.forEach(p -> latest.put(p.mmsi(), p));
    this.pairs = new TreeMap<>();
    pairStates.forEach(p -> pairs.put(p.key(), p));
  }

  /**
   * Whether a ping may take part in an encounter: its speed over ground known and below {@code
   * maxSpeedKnots}, and at least {@code minPortMetres} from the nearest port. The caller filters
   * with this before sending pings to the cells, which keeps the cells small: ships under way and
   * in port never reach them.
   */
  public static boolean admits(Ping ping, EncounterParams params, Gazetteer gazetteer) {
    return ping.speedKnots() != null
        && ping.speedKnots() < params.maxSpeedKnots()
        && gazetteer.metresToNearestPort(ping.lat(), ping.lon()) >= params.minPortMetres();
  }

  /**
   * The cells a position goes to: the home cell and every other within {@code cellReachMetres} when
   * {@link #admits} it, none otherwise.
   */
  public static List<String> cellsFor(
      Ping ping, EncounterParams params, Gazetteer gazetteer, Cells cells) {
    return admits(ping, params, gazetteer)
        ? cells.cellsFor(ping, params.cellReachMetres())
        : List.of();
  }

  public String cell() {
    return cell;
  }

  /** Whether the cell holds nothing, so its entry in a store can be deleted. */
  public boolean isEmpty() {
    return latest.isEmpty() && pairs.isEmpty();
  }

  /**
   * Pairs {@code ping} with the other vessels of the cell.
   *
   * @return the encounters this cell owns that ended because of it, or reached the minimum duration
   *     with it (ongoing), usually none
   */
  public List<Encounter> accept(Ping ping) {
    Ping previous = latest.get(ping.mmsi());
    if (previous != null && previous.time() >= ping.time()) {
      return List.of();
    }
    latest.put(ping.mmsi(), ping);
    List<Encounter> ended = new ArrayList<>();
    long tolerance = params.pairingTolerance().toMillis();
    for (Ping other : latest.values()) {
      if (other.mmsi().equals(ping.mmsi()) || Math.abs(other.time() - ping.time()) > tolerance) {
        continue;
      }
      Ping lower = ping.mmsi().compareTo(other.mmsi()) < 0 ? ping : other;
      Ping higher = lower == ping ? other : ping;
      double metres = ping.metresTo(other);
      String key = PairState.key(lower.mmsi(), higher.mmsi());
      PairState pair = pairs.get(key);
      if (metres <= params.maxDistanceMetres()) {
        if (pair == null) {
          pair = new PairState(lower.mmsi(), higher.mmsi(), null, null);
          pairs.put(key, pair);
        }
        close(pair, lower, higher, metres, ended);
      } else if (pair != null && pair.open != null) {
        end(pair, ended);
      }
    }
    return ended;
  }

  /**
   * Ends the contacts whose last close pairing is more than {@code maxSilence} before {@code
   * streamTime}, and forgets pings too old to pair and encounters too old to merge with.
   *
   * @return the encounters this cell owns that ended
   */
  public List<Encounter> expire(long streamTime) {
    List<Encounter> ended = new ArrayList<>();
    long silence = params.maxSilence().toMillis();
    long mergeGap = params.mergeGap().toMillis();
    for (Iterator<PairState> it = pairs.values().iterator(); it.hasNext(); ) {
      PairState pair = it.next();
      if (pair.open != null && streamTime - pair.open.end() > silence) {
        end(pair, ended);
      }
      if (pair.last != null && pair.open == null && streamTime - pair.last.end() >= mergeGap) {
        pair.last = null;
      }
      if (pair.open == null && pair.last == null) {
        it.remove();
      }
    }
    long tolerance = params.pairingTolerance().toMillis();
    latest.values().removeIf(p -> streamTime - p.time() > tolerance);
    return ended;
  }

  Collection<Ping> vessels() {
    return latest.values();
  }

  Collection<PairState> pairs() {
    return pairs.values();
  }

  private void close(PairState pair, Ping lower, Ping higher, double metres, List<Encounter> out) {
    long knownFrom = Math.max(lower.time(), higher.time());
    long knownUntil = Math.min(lower.time(), higher.time());
    Contact.Sample sample =
        new Contact.Sample(
            knownFrom,
            (lower.lat() + higher.lat()) / 2,
            Cells.wrap(lower.lon() + Cells.wrap(higher.lon() - lower.lon()) / 2),
            metres);
    if (pair.open != null && knownFrom - pair.open.end() > params.maxSilence().toMillis()) {
      end(pair, out);
    }
    if (pair.open == null) {
      pair.open = Contact.begin(owns(pair, lower, knownFrom), knownFrom, knownFrom, sample);
      return;
    }
    pair.open.add(knownUntil, sample);
    if (!pair.open.announced() && pair.open.durationMillis() >= params.minDuration().toMillis()) {
      // an encounter from now on: reported at once, the vessels still together (merged with the
      // pair's previous one when it is close enough after it, as it will be when it ends)
      Contact reached =
          pair.last != null && mergesWith(pair.last, pair.open.start())
              ? pair.last.mergedWith(pair.open)
              : pair.open;
      boolean heard = reached.announced();
      pair.open.announce();
      if (reached.owned()) {
        out.add(
            reached.toEncounter(pair.lowerMmsi, pair.higherMmsi, true, heard, reached.counted()));
      }
    }
  }

  /**
   * Notes that the event of {@code reported}, an encounter this cell has just returned (from {@link
   * #accept} or {@link #expire}, before any other call), has gone out, so no later report under its
   * id makes another: on the contact going on for a report on reaching the minimum duration, on the
   * pair's latest encounter for one at its end.
   */
  public void counted(Encounter reported) {
    PairState pair = pairs.get(PairState.key(reported.lowerMmsi(), reported.higherMmsi()));
    if (pair == null) {
      return; // forgotten already: nothing can merge with it any more
    }
    Contact contact = reported.ongoing() ? pair.open : pair.last;
    if (contact != null) {
      contact.count();
    }
  }

  /** Whether this cell reports a contact of {@code pair} that begins now. */
  private boolean owns(PairState pair, Ping lower, long start) {
    if (pair.last != null && mergesWith(pair.last, start)) {
      return pair.last.owned();
    }
    return cells.home(lower.lat(), lower.lon()).equals(cell);
  }

  private boolean mergesWith(Contact encounter, long start) {
    return start - encounter.end() < params.mergeGap().toMillis();
  }

  private void end(PairState pair, List<Encounter> out) {
    Contact contact = pair.open;
    pair.open = null;
    if (contact.durationMillis() < params.minDuration().toMillis()) {
      return;
    }
    Contact encounter =
        pair.last != null && mergesWith(pair.last, contact.start())
            ? pair.last.mergedWith(contact)
            : contact;
    pair.last = encounter;
    if (encounter.owned()) {
      out.add(
          encounter.toEncounter(
              pair.lowerMmsi, pair.higherMmsi, false, encounter.announced(), encounter.counted()));
    }
    encounter.announce(); // whatever merges with it later has been heard of
  }

  /** What a cell keeps about one pair. */
  static final class PairState {
    final String lowerMmsi;
    final String higherMmsi;
    Contact open;
    Contact last;

    PairState(String lowerMmsi, String higherMmsi, Contact open, Contact last) {
      this.lowerMmsi = lowerMmsi;
      this.higherMmsi = higherMmsi;
      this.open = open;
      this.last = last;
    }

    static String key(String lowerMmsi, String higherMmsi) {
      return lowerMmsi + "/" + higherMmsi;
    }

    String key() {
      return key(lowerMmsi, higherMmsi);
    }
  }
}
