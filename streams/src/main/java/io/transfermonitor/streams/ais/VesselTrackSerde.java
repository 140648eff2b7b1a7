package io.transfermonitor.streams.ais;

import io.transfermonitor.internal.PortVisitRecord;
import io.transfermonitor.internal.TrackPositionRecord;
import io.transfermonitor.internal.VesselTrackRecord;
import io.transfermonitor.streams.ais.Gazetteer.Port;
import io.transfermonitor.streams.fact.InternalAvro;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The stored form of a {@link VesselTrack}: the internal Avro record {@link VesselTrackRecord}
 * behind a byte naming its schema version ({@link InternalAvro}). A port visit keeps its port
 * whole, so a track restores the same whatever the gazetteer holds by then.
 */
public final class VesselTrackSerde implements Serde<VesselTrack> {

  /** The version of {@link VesselTrackRecord}'s schema this monitor writes. */
  static final byte VERSION = 2;

  private static final InternalAvro<VesselTrackRecord> FORM =
      new InternalAvro<>(
          VesselTrackRecord.class,
          VERSION,
          Map.of((byte) 1, InternalAvro.olderSchema("internal/VesselTrackRecord-v1.avsc")));

  private final AisDetectors detectors;

  public VesselTrackSerde(AisDetectors detectors) {
    this.detectors = detectors;
  }

  @Override
  public Serializer<VesselTrack> serializer() {
    return (topic, track) ->
        track == null ? null : FORM.write(record(track), "vessel track " + track.mmsi());
  }

  @Override
  public Deserializer<VesselTrack> deserializer() {
    return (topic, bytes) -> bytes == null ? null : track(FORM.read(bytes, topic));
  }

  static VesselTrackRecord record(VesselTrack track) {
    return VesselTrackRecord.newBuilder()
        .setMmsi(track.mmsi())
        .setLast(track.last() == null ? null : position(track.last()))
        .setDraughtAtLast(track.draughtAtLast())
        .setDraught(track.draught())
        .setDestination(track.destination())
        .setVisit(track.visit() == null ? null : visit(track.visit()))
        .setDarkReported(track.darkReported())
        .setImo(track.imo())
        .setName(track.name())
        .setShipType(track.shipType())
        .setDesignatedSeenDay(track.designatedSeenDay())
        .setLastCallCountry(track.lastCallCountry())
        .setCallCountryBefore(track.callCountryBefore())
        .setFlagCheckedAgainst(track.flagCheckedAgainst())
        .setJumpEventDay(track.jumpEventDay())
        .setBackFromDark(track.backFromDark())
        .build();
  }

  VesselTrack track(VesselTrackRecord r) {
    TrackPositionRecord p = r.getLast();
    Ping last =
        p == null
            ? null
            : new Ping(
                r.getMmsi(),
                p.getTime(),
                p.getLat(),
                p.getLon(),
                p.getSpeedKnots(),
                p.getCourseDegrees(),
                p.getHeadingDegrees());
    PortVisitRecord v = r.getVisit();
    PortVisit visit =
        v == null
            ? null
            : new PortVisit(
                new Port(
                    v.getPortName(),
                    v.getPortCountry(),
                    v.getPortLat(),
                    v.getPortLon(),
                    v.getPortRadiusMetres(),
                    v.getPortSource()),
                v.getArrival(),
                v.getLastInPort(),
                v.getDraughtAtArrival(),
                v.getStopped(),
                v.getStoppedSince(),
                v.getStoppedMillis());
    VesselTrack track =
        new VesselTrack(
            detectors,
            r.getMmsi(),
            last,
            r.getDraughtAtLast(),
            r.getDraught(),
            r.getDestination(),
            visit,
            r.getDarkReported());
    track.restoreIdentity(
        r.getImo(),
        r.getName(),
        r.getShipType(),
        r.getDesignatedSeenDay(),
        r.getLastCallCountry(),
        r.getCallCountryBefore(),
        r.getFlagCheckedAgainst(),
        r.getJumpEventDay());
    track.restoreBackFromDark(r.getBackFromDark());
    return track;
  }

  private static TrackPositionRecord position(Ping ping) {
    return new TrackPositionRecord(
        ping.time(),
        ping.lat(),
        ping.lon(),
        ping.speedKnots(),
        ping.courseDegrees(),
        ping.headingDegrees());
  }

  private static PortVisitRecord visit(PortVisit visit) {
    Port port = visit.port();
    return new PortVisitRecord(
        port.name(),
        port.country(),
        port.lat(),
        port.lon(),
        port.radiusMetres(),
        port.source(),
        visit.arrival(),
        visit.lastInPort(),
        visit.draughtAtArrival(),
        visit.stopped(),
        visit.stoppedSince(),
        visit.stoppedMillis());
  }
}
