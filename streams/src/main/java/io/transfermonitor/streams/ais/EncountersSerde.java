package io.transfermonitor.streams.ais;

import io.transfermonitor.internal.CellPingRecord;
import io.transfermonitor.internal.ContactRecord;
import io.transfermonitor.internal.ContactSampleRecord;
import io.transfermonitor.internal.EncounterCellRecord;
import io.transfermonitor.internal.EncounterPairRecord;
import io.transfermonitor.streams.fact.InternalAvro;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One cell's {@link Encounters} in its store and changelog: the internal Avro record {@link
 * EncounterCellRecord} behind its schema version byte. The grid and the params are not stored: they
 * come from the settings, so a restart with other params judges what is kept by the new ones.
 */
public final class EncountersSerde implements Serde<Encounters> {

  /**
   * Version 2 adds whether a contact has been announced (version 1: read as not), version 3 whether
   * its event has gone out (version 2: read as announced, as that monitor sent the event with the
   * first report).
   */
  static final byte VERSION = 3;

  private static final InternalAvro<EncounterCellRecord> FORM =
      new InternalAvro<>(
          EncounterCellRecord.class,
          VERSION,
          Map.of(
              (byte) 1, InternalAvro.olderSchema("internal/EncounterCellRecord-v1.avsc"),
              (byte) 2, InternalAvro.olderSchema("internal/EncounterCellRecord-v2.avsc")));

  private final Cells cells;
  private final EncounterParams params;

  public EncountersSerde(Cells cells, EncounterParams params) {
    this.cells = cells;
    this.params = params;
  }

  @Override
  public Serializer<Encounters> serializer() {
    return (topic, state) -> {
      if (state == null) {
        return null;
      }
      List<CellPingRecord> vessels = new ArrayList<>();
      state
          .vessels()
          .forEach(p -> vessels.add(new CellPingRecord(p.mmsi(), p.time(), p.lat(), p.lon())));
      List<EncounterPairRecord> pairs = new ArrayList<>();
      state
          .pairs()
          .forEach(
              p ->
                  pairs.add(
                      new EncounterPairRecord(
                          p.lowerMmsi, p.higherMmsi, record(p.open), record(p.last))));
      return FORM.write(
          new EncounterCellRecord(state.cell(), vessels, pairs),
          "encounters of cell " + state.cell() + " for " + topic);
    };
  }

  @Override
  public Deserializer<Encounters> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      EncounterCellRecord r = FORM.read(bytes, topic);
      List<Ping> vessels = new ArrayList<>();
      r.getVessels()
          .forEach(p -> vessels.add(Ping.at(p.getMmsi(), p.getTime(), p.getLat(), p.getLon())));
      List<Encounters.PairState> pairs = new ArrayList<>();
      r.getPairs()
          .forEach(
              p ->
                  pairs.add(
                      new Encounters.PairState(
                          p.getLowerMmsi(),
                          p.getHigherMmsi(),
                          contact(p.getOpen()),
                          contact(p.getLast()))));
      return new Encounters(r.getCell(), cells, params, vessels, pairs);
    };
  }

  private static ContactRecord record(Contact contact) {
    if (contact == null) {
      return null;
    }
    List<ContactSampleRecord> samples = new ArrayList<>(contact.samples().size());
    contact
        .samples()
        .forEach(s -> samples.add(new ContactSampleRecord(s.time(), s.lat(), s.lon(), s.metres())));
    return new ContactRecord(
        contact.owned(),
        contact.start(),
        contact.end(),
        samples,
        contact.announced(),
        contact.counted());
  }

  private static Contact contact(ContactRecord r) {
    if (r == null) {
      return null;
    }
    List<Contact.Sample> samples = new ArrayList<>(r.getSamples().size());
    r.getSamples()
        .forEach(
            s ->
                samples.add(
                    new Contact.Sample(s.getTime(), s.getLat(), s.getLon(), s.getMetres())));
    // an earlier monitor sent the event with the first report: announced is counted there
    boolean counted = r.getCounted() != null ? r.getCounted() : r.getAnnounced();
    return new Contact(r.getOwned(), r.getStart(), r.getEnd(), r.getAnnounced(), counted, samples);
  }
}
